# Final: the tool leaves every agent's tools at once.
curl -X DELETE https://dashboard.getmacha.com/api/v1/custom_tools/tool_64f1c0ef2ec711ef6dc1dce0 \
  -H "Authorization: Bearer $MACHA_API_KEY"
