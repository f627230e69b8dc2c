# Oldest first, 50 to a page unless you set limit.
curl "https://dashboard.getmacha.com/api/v1/conversations/conv_6a392325b438d825ccaf0dc1/messages?limit=50" \
  -H "Authorization: Bearer $MACHA_API_KEY"
