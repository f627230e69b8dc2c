curl https://dashboard.getmacha.com/api/v1/org \
  -H "Authorization: Bearer $MACHA_API_KEY"
