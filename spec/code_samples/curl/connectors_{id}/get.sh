curl https://dashboard.getmacha.com/api/v1/connectors/connector_64f1c0ef2ec711ef6dc1dcf0 \
  -H "Authorization: Bearer $MACHA_API_KEY"
