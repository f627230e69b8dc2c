# One agent's autonomous runs since June; metadata[KEY]
# filters need the brackets URL-encoded or quoted.
curl "https://dashboard.getmacha.com/api/v1/conversations?agent_id=agent_6a28e310f2ec711ef6dc1dd0&source=autonomous&created_after=2026-06-01T00:00:00.000Z&limit=25" \
  -H "Authorization: Bearer $MACHA_API_KEY"
