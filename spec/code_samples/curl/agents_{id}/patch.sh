# Replaces the whole tool list; other fields stay as they are.
curl -X PATCH https://dashboard.getmacha.com/api/v1/agents/agent_6a28e310f2ec711ef6dc1dd0 \
  -H "Authorization: Bearer $MACHA_API_KEY" \
  -H "Content-Type: application/json" \
  -H "Idempotency-Key: 0b6f1c9e-7d2a-4e5b-8c3f-9a1d2e3f4a5b" \
  -d '{
    "tools": [
      {
        "name": "zendesk_get_ticket",
        "connector_id": "connector_64f1c0ef2ec711ef6dc1dcf0"
      }
    ]
  }'
