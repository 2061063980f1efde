import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Shared by the HTTPServer and HoiDapService tests.
/// A minimal blocking HTTP/1.1 client over a POSIX socket, so tests control every byte
/// (malformed requests, oversized bodies, keep-alive) without URLSession. Reads time out after
/// 10 s so a broken server fails the test instead of hanging it.
public final class RawConnection {
    public let descriptor: Int32
    private var buffer: [UInt8] = []

    public struct Reply {
        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]
        public var text: String { String(decoding: body, as: UTF8.self) }
        public func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    public init?(port: UInt16, timeoutSeconds: Int = 10) {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    /// Sends raw bytes; false when the peer closed.
    @discardableResult
    public func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { return false }
            sent += count
        }
        return true
    }

    @discardableResult
    public func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Sends one request with `Content-Length` when there is a body.
    @discardableResult
    public func send(method: String, path: String, headers: [(String, String)] = [], body: [UInt8]? = nil) -> Bool {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        return send(Array(head.utf8) + (body ?? []))
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16384)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count <= 0 { return false }
        buffer += chunk[0..<count]
        return true
    }

    /// Whether the server closed the connection (reads until end of stream or timeout).
    public func isClosedByPeer() -> Bool {
        while fill() {}
        var probe = [UInt8](repeating: 0, count: 1)
        let count = probe.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, 1, Int32(MSG_DONTWAIT)) }
        return count == 0
    }

    /// Reads one response; nil when the connection closed before a full one arrived.
    public func readReply(headOnly: Bool = false) -> Reply? {
        let separator: [UInt8] = [13, 10, 13, 10]
        var end: Int?
        while end == nil {
            if let range = firstRange(of: separator) { end = range } else if !fill() { return nil }
        }
        let headText = String(decoding: buffer[0..<end!], as: UTF8.self)
        buffer.removeFirst(end! + 4)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var reply = Reply(status: status, headers: headers, body: [])
        if headOnly || status == 204 || status == 304 { return reply }
        if let length = reply.header("Content-Length").flatMap(Int.init) {
            while buffer.count < length { if !fill() { return nil } }
            reply.body = Array(buffer[0..<length])
            buffer.removeFirst(length)
        } else if reply.header("Transfer-Encoding")?.lowercased() == "chunked" {
            while true {
                var lineEnd: Int?
                while lineEnd == nil { if let index = firstRange(of: [13, 10]) { lineEnd = index } else if !fill() { return nil } }
                let size = Int(String(decoding: buffer[0..<lineEnd!], as: UTF8.self).split(separator: ";")[0], radix: 16) ?? 0
                buffer.removeFirst(lineEnd! + 2)
                while buffer.count < size + 2 { if !fill() { return nil } }
                reply.body += buffer[0..<size]
                buffer.removeFirst(size + 2)
                if size == 0 { break }
            }
        } else {
            while fill() {}
            reply.body = buffer
            buffer = []
        }
        return reply
    }

    private func firstRange(of pattern: [UInt8]) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        for start in 0...(buffer.count - pattern.count) where buffer[start] == pattern[0] {
            if Array(buffer[start..<start + pattern.count]) == pattern { return start }
        }
        return nil
    }
}

/// One request on a fresh connection.
public func http(_ port: UInt16, _ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8]? = nil) -> RawConnection.Reply? {
    guard let connection = RawConnection(port: port) else { return nil }
    connection.send(method: method, path: path, headers: headers + [("Connection", "close")], body: body)
    return connection.readReply(headOnly: method == "HEAD")
}

public func http(_ port: UInt16, _ method: String, _ path: String, headers: [(String, String)] = [], json: String) -> RawConnection.Reply? {
    http(port, method, path, headers: headers + [("Content-Type", "application/json")], body: Array(json.utf8))
}
