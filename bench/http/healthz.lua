-- GET /healthz on every connection: the server's floor (routing, metrics, one small JSON reply).
wrk.method = "GET"
wrk.path = "/healthz"
