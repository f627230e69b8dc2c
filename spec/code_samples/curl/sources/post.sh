# Then poll GET /sources/{id} until sync_status is ready.
curl https://dashboard.getmacha.com/api/v1/sources \
  -H "Authorization: Bearer $MACHA_API_KEY" \
  -H "Content-Type: application/json" \
  -H "Idempotency-Key: 6f5e4d3c-2b1a-4f9e-8d7c-6b5a4f3e2d1c" \
  -d '{
    "type": "website",
    "name": "Help center",
    "config": { "url": "https://help.example.com/", "indexed": true }
  }'
