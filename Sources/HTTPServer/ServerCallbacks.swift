import CMicroHTTPD
import Foundation

/// The C callbacks libmicrohttpd calls. They are static functions, never capturing closures:
/// with Swift 6 the 6.3.1 compiler crashes on a capturing `@convention(c)` closure. The server
/// context arrives as `cls` (unretained), the request state as `*con_cls` (retained).
enum ServerCallbacks {
    /// MHD_AccessHandlerCallback: called once when the headers are in (with
    /// `*upload_data_size == 0`), then for each piece of body, then once more with size 0 when
    /// the body is complete; a response may be queued on the first or the last call.
    static let access: MHD_AccessHandlerCallback = { cls, connection, url, method, _, uploadData, uploadDataSize, conCls in
        guard let cls, let connection, let uploadDataSize, let conCls else { return .NO }
        let context = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()
        let methodText = method.map { String(cString: $0) } ?? "GET"
        guard let raw = conCls.pointee else {
            // First call: headers only. Set up the state; refuse an announced oversized body now
            // so the client never sends it (libmicrohttpd then skips "100 Continue").
            let state = RequestState()
            conCls.pointee = Unmanaged.passRetained(state).toOpaque()
            context.inFlight.add(1, ordering: .relaxed)
            if let length = MHD_lookup_connection_value(connection, .HEADER_KIND, "Content-Length").flatMap({ Int(String(cString: $0)) }),
               length > context.configuration.maxBodyBytes {
                state.answered = true
                context.configuration.onRejected?(methodText, 413)
                return queue(tooLarge(context), on: connection, context: context)
            }
            return .YES
        }
        let state = Unmanaged<RequestState>.fromOpaque(raw).takeUnretainedValue()
        if state.answered { return .YES }
        let size = uploadDataSize.pointee
        if size > 0 {
            // A body chunk: keep it while under the limit, then discard the rest (chunked bodies
            // have no Content-Length to refuse up front).
            if !state.tooLarge, let uploadData {
                if state.body.count + size > context.configuration.maxBodyBytes {
                    state.tooLarge = true
                    state.body = []
                } else {
                    uploadData.withMemoryRebound(to: UInt8.self, capacity: size) { pointer in
                        state.body.append(contentsOf: UnsafeBufferPointer(start: pointer, count: size))
                    }
                }
            }
            uploadDataSize.pointee = 0
            return .YES
        }
        state.answered = true
        if state.tooLarge {
            context.configuration.onRejected?(methodText, 413)
            return queue(tooLarge(context), on: connection, context: context)
        }
        guard let url, let path = String(validatingCString: url) else {
            context.configuration.onRejected?(methodText, 400)
            return queue(HTTPError(.badRequest, "the request path is not valid UTF-8").response, on: connection, context: context)
        }
        let headers = collect(connection, kind: .HEADER_KIND)
        let query = collect(connection, kind: .GET_ARGUMENT_KIND)
        guard !query.invalid, !headers.invalid else {
            context.configuration.onRejected?(methodText, 400)
            return queue(HTTPError(.badRequest, "the query string or a header is not valid UTF-8").response, on: connection, context: context)
        }
        var queryFields: [String: String] = [:]
        for (name, value) in query.pairs { queryFields[name] = value }
        var address = [CChar](repeating: 0, count: 64)
        let remote = hd_client_address(connection, &address, address.count) != 0 ? String(cString: address) : ""
        let request = Request(method: methodText, path: path, query: queryFields, headers: query.headersFrom(headers),
                              body: state.body, remoteAddress: remote)
        state.body = []
        return queue(context.responder.response(to: request), on: connection, context: context)
    }

    /// MHD_RequestCompletedCallback: the request is over (answered, or the client went away);
    /// releases the state retained on the first access call.
    static let completed: MHD_RequestCompletedCallback = { cls, _, conCls, _ in
        guard let cls, let conCls, let raw = conCls.pointee else { return }
        let context = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()
        Unmanaged<RequestState>.fromOpaque(raw).release()
        conCls.pointee = nil
        context.inFlight.subtract(1, ordering: .releasing)
    }

    static func tooLarge(_ context: ServerContext) -> Response {
        var response = HTTPError(.contentTooLarge, "the request body is larger than \(context.configuration.maxBodyBytes / 1024) KiB").response
        response.setHeader("Connection", "close")
        return response
    }

    /// Copies the response into a libmicrohttpd response and queues it.
    static func queue(_ response: Response, on connection: OpaquePointer, context: ServerContext) -> MHD_Result {
        let handle = response.body.withUnsafeBytes { buffer in
            // .RESPMEM_MUST_COPY: "MHD allocates a copy of the buffer"; ours may go away.
            MHD_create_response_from_buffer(buffer.count, UnsafeMutableRawPointer(mutating: buffer.baseAddress), .RESPMEM_MUST_COPY)
        }
        guard let handle else { return .NO }
        defer { MHD_destroy_response(handle) }
        for (name, value) in response.headers {
            // Refuses names or values with CR/LF, so a handler cannot split the response.
            _ = MHD_add_response_header(handle, name, value)
        }
        if context.stopping.load(ordering: .relaxed) {
            _ = MHD_add_response_header(handle, "Connection", "close")
        }
        return MHD_queue_response(connection, UInt32(response.status.rawValue), handle)
    }

    /// Header fields or query arguments of the connection.
    static func collect(_ connection: OpaquePointer, kind: MHD_ValueKind) -> Collected {
        let collected = Collected()
        _ = withExtendedLifetime(collected) {
            MHD_get_connection_values(connection, kind, iterator, Unmanaged.passUnretained(collected).toOpaque())
        }
        return collected
    }

    /// MHD_KeyValueIterator: appends one pair to the `Collected` passed as `cls`.
    static let iterator: MHD_KeyValueIterator = { cls, _, key, value in
        guard let cls, let key else { return .YES }
        let collected = Unmanaged<Collected>.fromOpaque(cls).takeUnretainedValue()
        guard let name = String(validatingCString: key) else {
            collected.invalid = true
            return .NO
        }
        guard let text = value.map({ String(validatingCString: $0) }) ?? "" else {
            collected.invalid = true
            return .NO
        }
        collected.pairs.append((name, text))
        return .YES
    }

    final class Collected {
        var pairs: [(String, String)] = []
        var invalid = false

        func headersFrom(_ headers: Collected) -> [(name: String, value: String)] {
            headers.pairs.map { (name: $0.0, value: $0.1) }
        }
    }
}
