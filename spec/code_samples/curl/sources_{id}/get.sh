curl https://dashboard.getmacha.com/api/v1/sources/source_6a39a4f1c0ef2ec711ef6dc1 \
  -H "Authorization: Bearer $MACHA_API_KEY"
