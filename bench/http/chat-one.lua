-- POST /api/chat with one repeated question and no session field, so every request is a new
-- conversation (the figure README quoted before bench/http existed).
wrk.method = "POST"
wrk.path = "/api/chat"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"message":"làm lại cccd bị mất cần giấy tờ gì"}'
