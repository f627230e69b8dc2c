# The first page. Then send cursor=<meta.next_cursor>
# until next_cursor is null.
curl "https://dashboard.getmacha.com/api/v1/agents?limit=25" \
  -H "Authorization: Bearer $MACHA_API_KEY"
