import Foundation
import HTTPServer
import OrderedJSON
import Tickets

/// The hoidap HTTP service: every route of `hoidap serve`, as one `Responder`.
///
/// Around the router it adds what every response needs: CORS for allowed origins,
/// `X-Content-Type-Options`, metrics by route pattern and one access-log line.
///
///     let service = try HoiDapService(store: store, engine: engine, catalog: catalog)
///     let server = try Server(Server.Configuration(port: 8022), responder: service)
///
/// Routes (see `makeRouter`): the citizen API under `/api/`, the officer API under
/// `/api/officer/`, Open311 under `/open311/v2/`, `/public/stats`, `/healthz`, `/metrics`,
/// the demo page `/` and the widget (`/widget.js`, `/widget.css`).
public final class HoiDapService: Responder {
    /// Options of the service itself (the socket side is `Server.Configuration`).
    public struct Configuration: Sendable {
        /// Origins allowed to call the API from a browser (`https://dichvucong.hochiminhcity.gov.vn`);
        /// `*` allows any origin. Empty: same-origin only.
        public var corsOrigins: [String] = []
        /// Take the client address from the last `X-Forwarded-For` entry (only behind a proxy that sets it).
        public var trustProxy = false
        /// Chat messages per client per minute (0: unlimited).
        public var chatPerMinute = 30
        /// Tickets filed per client per hour, through chat or Open311 (0: unlimited).
        public var ticketsPerHour = 5
        /// Ticket lookups per client per minute (0: unlimited); stops guessing codes and phones.
        public var lookupsPerMinute = 10
        /// Monotonic seconds for the rate limits (tests pass a manual clock).
        public var clock: @Sendable () -> Double = RateLimiter.monotonicSeconds
        /// Where access-log lines go; nil writes none.
        public var accessLog: AccessLog?

        public init() {}
    }

    public let configuration: Configuration
    public let metrics: Metrics
    let router: Router
    let handlers: Handlers

    /// - Throws: when the widget assets are missing from the bundle.
    public init(store: TicketStore, engine: any ChatEngine, catalog: any ProcedureCatalog,
                configuration: Configuration = Configuration()) throws {
        self.configuration = configuration
        let metrics = Metrics()
        self.metrics = metrics
        let handlers = Handlers(
            store: store, engine: engine, catalog: catalog, metrics: metrics, configuration: configuration,
            chatLimiter: RateLimiter(capacity: configuration.chatPerMinute, period: 60, clock: configuration.clock),
            ticketLimiter: RateLimiter(capacity: configuration.ticketsPerHour, period: 3600, clock: configuration.clock),
            lookupLimiter: RateLimiter(capacity: configuration.lookupsPerMinute, period: 60, clock: configuration.clock),
            open311: Open311API(store: store), assets: try Assets.load(), escalations: EscalationTracker())
        self.handlers = handlers
        router = Self.makeRouter(handlers)
    }

    /// Every route; the pattern is also the `route` label of metrics and the access log.
    static func makeRouter(_ handlers: Handlers) -> Router {
        var router = Router()
        // Citizens.
        router.post("/api/chat") { try handlers.chat($0) }
        router.get("/api/procedures/{id}") { try handlers.procedure($0) }
        router.get("/api/search") { try handlers.search($0) }
        router.get("/api/tickets/{code}") { try handlers.lookupTicket($0) }
        router.post("/api/tickets/lookup") { try handlers.lookupTicketPost($0) }
        // Officers (bearer token).
        router.get("/api/officer/me") { try handlers.officerMe($0) }
        router.get("/api/officer/tickets") { try handlers.officerList($0) }
        router.get("/api/officer/tickets/{code}") { try handlers.officerShow($0) }
        router.post("/api/officer/tickets/{code}/assign") { try handlers.officerAssign($0) }
        router.post("/api/officer/tickets/{code}/status") { try handlers.officerStatus($0) }
        router.post("/api/officer/tickets/{code}/notes") { try handlers.officerNote($0) }
        // Open311 GeoReport v2.
        router.get("/open311/v2/{resource...}") { try handlers.open311($0) }
        router.post("/open311/v2/{resource...}") { try handlers.open311($0) }
        // Public pages and operations.
        router.get("/public/stats") { try handlers.publicStats($0) }
        router.get("/healthz") { _ in Response.json(.object([("status", "ok")])) }
        router.get("/metrics") { _ in Response.text(handlers.metrics.render(memo: handlers.engine.memoCounts), contentType: "text/plain; version=0.0.4; charset=utf-8") }
        router.get("/") { handlers.asset(handlers.assets.demoPage, request: $0) }
        router.get("/widget.js") { handlers.asset(handlers.assets.widgetScript, request: $0) }
        router.get("/widget.css") { handlers.asset(handlers.assets.widgetStyle, request: $0) }
        return router
    }

    public func respond(to request: Request) throws -> Response {
        let started = ContinuousClock.now
        var route = "(unmatched)"
        var response: Response
        if request.method == "OPTIONS", request.header("access-control-request-method") != nil {
            response = preflight(request)
        } else {
            switch router.resolve(request) {
            case let .matched(matched, request):
                route = matched.pattern.description
                response = matched.responder.response(to: request)
            case .methodNotAllowed, .notFound:
                response = router.response(to: request)
            }
        }
        addCORS(request, to: &response)
        response.headers.append(("X-Content-Type-Options", "nosniff"))
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.recordRequest(route: route, method: request.method, status: response.status.rawValue, seconds: seconds)
        configuration.accessLog?.record(at: Date(), method: request.method, route: route, status: response.status.rawValue,
                                        seconds: seconds, bytes: response.body.count)
        return response
    }

    /// For `Server.Configuration.onRejected`: counts requests the server refused before routing.
    public func recordRejected(method: String, status: Int) {
        metrics.recordRequest(route: "(rejected)", method: method, status: status, seconds: 0)
        configuration.accessLog?.record(at: Date(), method: method, route: "(rejected)", status: status, seconds: 0, bytes: 0)
    }

    // MARK: - CORS

    func allowedOrigin(_ request: Request) -> String? {
        guard let origin = request.header("origin") else { return nil }
        if configuration.corsOrigins.contains("*") || configuration.corsOrigins.contains(origin) { return origin }
        return nil
    }

    func addCORS(_ request: Request, to response: inout Response) {
        guard let origin = allowedOrigin(request) else { return }
        response.headers.append(("Access-Control-Allow-Origin", origin))
        response.headers.append(("Vary", "Origin"))
        response.headers.append(("Access-Control-Expose-Headers", "Retry-After"))
    }

    /// A CORS preflight: 204 with the allowed methods and headers when the origin is allowed
    /// and the path exists; 204 without CORS headers otherwise (the browser then refuses).
    func preflight(_ request: Request) -> Response {
        var probe = request
        probe.method = request.header("access-control-request-method")?.uppercased() ?? "GET"
        if case .notFound = router.resolve(probe) { return HTTPError(.notFound, "no such resource").response }
        var response = Response(status: .noContent)
        if allowedOrigin(request) != nil {
            response.headers.append(("Access-Control-Allow-Methods", "GET, POST, OPTIONS"))
            response.headers.append(("Access-Control-Allow-Headers", "Content-Type, Authorization"))
            response.headers.append(("Access-Control-Max-Age", "600"))
        }
        return response
    }
}
