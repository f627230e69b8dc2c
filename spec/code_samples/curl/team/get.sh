# Every member in one response (not paginated).
curl https://dashboard.getmacha.com/api/v1/team \
  -H "Authorization: Bearer $MACHA_API_KEY"
