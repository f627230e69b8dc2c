# Retry with the same Idempotency-Key: the agent is never
# created twice.
curl https://dashboard.getmacha.com/api/v1/agents \
  -H "Authorization: Bearer $MACHA_API_KEY" \
  -H "Content-Type: application/json" \
  -H "Idempotency-Key: 5f0c6f8e-3a8b-4d2c-9a57-0b1e2c3d4e5f" \
  -d '{
    "handle": "readOnlyZendesk",
    "name": "Read-only Zendesk",
    "instructions": "Answer questions using Zendesk data. Never modify tickets.",
    "tools": [
      {
        "name": "zendesk_get_ticket",
        "connector_id": "connector_64f1c0ef2ec711ef6dc1dcf0"
      }
    ]
  }'
