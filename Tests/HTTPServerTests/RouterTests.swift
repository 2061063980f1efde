import HTTPServer
import OrderedJSON
import Testing

/// The router in-process: no sockets.
struct RouterTests {
    static let router: Router = {
        var router = Router()
        router.get("/") { _ in .text("home") }
        router.get("/api/procedures/{id}") { .text("procedure " + $0.parameters["id"]!) }
        router.post("/api/chat") { _ in .text("chat") }
        router.get("/open311/v2/requests/{id}.json") { .text("request " + $0.parameters["id"]!) }
        router.get("/open311/v2/{resource...}") { .text("open311 " + $0.parameters["resource"]!) }
        router.post("/open311/v2/{resource...}") { .text("open311 post " + $0.parameters["resource"]!) }
        router.get("/boom") { _ in throw HTTPError(.conflict, "already done", headers: [("X-Why", "test")]) }
        router.get("/crash") { _ in struct Secret: Error {}; throw Secret() }
        return router
    }()

    @Test(arguments: [
        ("GET", "/", 200, "home"),
        ("GET", "/api/procedures/khai-sinh", 200, "procedure khai-sinh"),
        ("GET", "/api/procedures/cấp-lại", 200, "procedure cấp-lại"),
        ("HEAD", "/api/procedures/x", 200, "procedure x"),
        ("POST", "/api/chat", 200, "chat"),
        ("GET", "/open311/v2/requests/1022-7KQ4-XM2D.json", 200, "request 1022-7KQ4-XM2D"),
        ("GET", "/open311/v2/services.json", 200, "open311 services.json"),
        ("GET", "/open311/v2/requests/a/b", 200, "open311 requests/a/b"),
        ("POST", "/open311/v2/requests.json", 200, "open311 post requests.json"),
    ])
    func matches(method: String, path: String, status: Int, body: String) {
        let response = Self.router.response(to: Request(method: method, path: path))
        #expect(response.status.rawValue == status)
        #expect(response.bodyText == body)
    }

    @Test(arguments: [
        ("GET", "/nope"),
        ("GET", "/api/chat/"),
        ("GET", "/api/procedures/a/b"),
        ("GET", "/open311/v2"),
        ("GET", "/open311"),
        ("GET", "/api/procedures/"),
    ])
    func unknownPathsAre404(method: String, path: String) {
        let response = Self.router.response(to: Request(method: method, path: path))
        #expect(response.status == .notFound)
        #expect(response.bodyText == #"{"error":{"code":"not_found","status":404,"message":"no such resource"}}"# + "\n")
        #expect(response.header("content-type") == "application/json; charset=utf-8")
    }

    @Test func wrongMethodIs405WithAllow() {
        let response = Self.router.response(to: Request(method: "DELETE", path: "/api/chat"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.header("Allow") == "POST, OPTIONS")
        #expect(response.bodyText == #"{"error":{"code":"method_not_allowed","status":405,"message":"DELETE is not allowed here; use POST"}}"# + "\n")

        let get = Self.router.response(to: Request(method: "POST", path: "/api/procedures/x"))
        #expect(get.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(get.bodyText.contains("use GET or HEAD"))

        let both = Self.router.response(to: Request(method: "PUT", path: "/open311/v2/requests.json"))
        #expect(both.header("Allow") == "GET, POST, HEAD, OPTIONS")
    }

    @Test func optionsAnswers204WithAllow() {
        let response = Self.router.response(to: Request(method: "OPTIONS", path: "/api/chat"))
        #expect(response.status == .noContent)
        #expect(response.header("Allow") == "POST, OPTIONS")
        #expect(response.body.isEmpty)
    }

    @Test func resolveReportsThePattern() {
        guard case let .matched(route, request) = Self.router.resolve(Request(method: "GET", path: "/api/procedures/khai-sinh")) else {
            Issue.record("no match")
            return
        }
        #expect(route.pattern.description == "/api/procedures/{id}")
        #expect(request.parameters == ["id": "khai-sinh"])
    }

    @Test func thrownErrorsBecomeJSON() {
        let conflict = Self.router.response(to: Request(method: "GET", path: "/boom"))
        #expect(conflict.status == .conflict)
        #expect(conflict.header("X-Why") == "test")
        #expect(conflict.bodyText == #"{"error":{"code":"conflict","status":409,"message":"already done"}}"# + "\n")

        let crash = Self.router.response(to: Request(method: "GET", path: "/crash"))
        #expect(crash.status == .internalServerError)
        #expect(crash.bodyText == #"{"error":{"code":"internal_server_error","status":500,"message":"internal error"}}"# + "\n")
    }

    @Test(arguments: [
        ("/a/{x}", "/a/1", ["x": "1"]),
        ("/a/{x}.json", "/a/1.json", ["x": "1"]),
        ("/a/{x}/b/{y}", "/a/1/b/2", ["x": "1", "y": "2"]),
        ("/a/{rest...}", "/a/1/2/3", ["rest": "1/2/3"]),
    ])
    func patternParameters(pattern: String, path: String, expected: [String: String]) {
        #expect(RoutePattern(pattern).match(path) == expected)
    }

    @Test(arguments: [("/a/{x}.json", "/a/1.xml"), ("/a/{rest...}", "/a"), ("/a/{x}", "/a"), ("/a", "/a/b")])
    func patternMismatches(pattern: String, path: String) {
        #expect(RoutePattern(pattern).match(path) == nil)
    }

    @Test func bearerTokenAndHeaders() {
        let request = Request(method: "get", path: "/", headers: [("Authorization", "Bearer  hd_abc "), ("X-A", "1")])
        #expect(request.method == "GET")
        #expect(request.bearerToken == "hd_abc")
        #expect(request.header("x-a") == "1")
        #expect(Request(method: "GET", path: "/", headers: [("Authorization", "Basic xyz")]).bearerToken == nil)
        #expect(Request(method: "GET", path: "/", headers: [("Authorization", "Bearer ")]).bearerToken == nil)
    }

    @Test func bodyDecoding() throws {
        let bad = Request(method: "POST", path: "/", body: [0x7B, 0xFF, 0x7D])
        #expect(throws: HTTPError.self) { try bad.bodyText() }
        do {
            _ = try bad.jsonBody()
            Issue.record("expected an error")
        } catch {
            #expect(error.status == .badRequest)
            #expect(error.message == "malformed JSON at byte 1: the text is not valid UTF-8")
        }
        do {
            _ = try Request(method: "POST", path: "/").jsonBody()
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "the request body is empty; send a JSON object")
        }
        let form = Request(method: "POST", path: "/", body: Array("q=l%C3%BD+l%E1%BB%8Bch".utf8))
        #expect(try form.formBody() == ["q": "lý lịch"])
    }
}
