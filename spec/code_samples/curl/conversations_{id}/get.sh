# With ?include_trigger_payload=true the response also has
# the raw webhook payload, which can hold personal data.
curl https://dashboard.getmacha.com/api/v1/conversations/conv_6a392325b438d825ccaf0dc1 \
  -H "Authorization: Bearer $MACHA_API_KEY"
