# Since June 1 (by default the last 30 days), with the bare
# ObjectId form of the agent ID. The response is beta.
curl "https://dashboard.getmacha.com/api/v1/analytics/agents/6a28e310f2ec711ef6dc1dd0?since=2026-06-01T00:00:00.000Z" \
  -H "Authorization: Bearer $MACHA_API_KEY"
