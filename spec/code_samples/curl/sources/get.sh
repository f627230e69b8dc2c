curl "https://dashboard.getmacha.com/api/v1/sources?limit=25" \
  -H "Authorization: Bearer $MACHA_API_KEY"
