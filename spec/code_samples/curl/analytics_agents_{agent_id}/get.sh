# The response is beta: its keys may change.
curl "https://dashboard.getmacha.com/api/v1/analytics/agents/agent_6a28e310f2ec711ef6dc1dd0?since=2026-06-01T00:00:00.000Z&until=2026-07-01T00:00:00.000Z" \
  -H "Authorization: Bearer $MACHA_API_KEY"
