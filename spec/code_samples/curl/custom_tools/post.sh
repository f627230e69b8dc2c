# The credentials are write-only: no response returns them.
curl https://dashboard.getmacha.com/api/v1/custom_tools \
  -H "Authorization: Bearer $MACHA_API_KEY" \
  -H "Content-Type: application/json" \
  -H "Idempotency-Key: 3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9" \
  -d '{
    "label": "List Postmark Templates",
    "description": "Lists the email templates of the Postmark account. Use it to find a template ID.",
    "method": "GET",
    "url": "https://api.postmarkapp.com/templates?count={{count}}",
    "parameters": [
      { "name": "count", "type": "number", "description": "How many templates to return.", "in": "query" }
    ],
    "auth": {
      "type": "api_key",
      "credentials": { "apiKey": "pm-server-token-0123456789abcdef", "header_name": "X-Postmark-Server-Token" }
    }
  }'
