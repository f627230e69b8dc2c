curl https://dashboard.getmacha.com/api/v1/chatbots/chatbot_64f1c0ef2ec711ef6dc1dcb0 \
  -H "Authorization: Bearer $MACHA_API_KEY"
