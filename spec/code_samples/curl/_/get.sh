# A smoke test of the network path. GET / needs no key:
# the Authorization header is optional here.
curl https://dashboard.getmacha.com/api/v1/ \
  -H "Authorization: Bearer $MACHA_API_KEY"
