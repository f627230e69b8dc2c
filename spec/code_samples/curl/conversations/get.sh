# One agent's autonomous runs, newest first. Sub-agent
# runs are left out unless you send source=sub-agent.
curl "https://dashboard.getmacha.com/api/v1/conversations?agent_id=agent_6a28e310f2ec711ef6dc1dd0&source=autonomous" \
  -H "Authorization: Bearer $MACHA_API_KEY"
