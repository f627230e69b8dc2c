curl https://dashboard.getmacha.com/api/v1/agents/agent_6a28e310f2ec711ef6dc1dd0 \
  -H "Authorization: Bearer $MACHA_API_KEY"
