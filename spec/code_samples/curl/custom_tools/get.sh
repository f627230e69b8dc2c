curl "https://dashboard.getmacha.com/api/v1/custom_tools?limit=25" \
  -H "Authorization: Bearer $MACHA_API_KEY"
