import Foundation
import OrderedJSON

/// One JSON line per request: time, method, route pattern, status, duration, response size.
///
///     {"time":"2026-11-23T02:00:00.123Z","method":"POST","route":"/api/chat","status":200,"ms":3.42,"bytes":512}
///
/// No personal data by construction: the route is the pattern (`/api/tickets/{code}`), never the
/// path or the query string, and neither addresses, bodies nor headers are written.
public struct AccessLog: Sendable {
    let sink: @Sendable (String) -> Void

    public init(sink: @escaping @Sendable (String) -> Void) { self.sink = sink }

    /// Writes each line to standard error with a single write(2), so lines from pool threads never interleave.
    public static let standardError = AccessLog { line in
        var bytes = Array((line + "\n").utf8)
        bytes.withUnsafeMutableBytes { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
    }

    public func record(at time: Date, method: String, route: String, status: Int, seconds: Double, bytes: Int) {
        let line: JSON = .object([
            ("time", .string(Self.timestamp(time))), ("method", .string(Metrics.methods.contains(method) ? method : "OTHER")),
            ("route", .string(route)), ("status", .int(status)), ("ms", .double((seconds * 100_000).rounded() / 100)), ("bytes", .int(bytes)),
        ])
        sink(line.serialized())
    }

    /// UTC with milliseconds, without a formatter (they are slow and not thread-safe to share).
    static func timestamp(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = time_t(interval.rounded(.down))
        let millis = Int((interval - interval.rounded(.down)) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(millis), 3))Z"
    }
}
