# Disables the tool without deleting it.
curl -X PATCH https://dashboard.getmacha.com/api/v1/custom_tools/tool_64f1c0ef2ec711ef6dc1dce0 \
  -H "Authorization: Bearer $MACHA_API_KEY" \
  -H "Content-Type: application/json" \
  -H "Idempotency-Key: 4d3c2b1a-0f9e-4d8c-b7a6-f5e4d3c2b1a0" \
  -d '{ "is_active": false }'
