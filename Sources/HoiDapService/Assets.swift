import Foundation

/// The demo page and the widget, read once from the module's resource bundle.
struct Assets: Sendable {
    struct Asset: Sendable {
        var body: [UInt8]
        var contentType: String
        var etag: String
        var cacheControl: String
        var contentSecurityPolicy: String?
    }

    struct Missing: Error, CustomStringConvertible {
        var name: String
        var description: String { "the widget asset \(name) is missing from the HoiDapService bundle" }
    }

    let demoPage: Asset
    let widgetScript: Asset
    let widgetStyle: Asset

    static func load() throws -> Assets {
        func read(_ name: String, _ type: String, cache: String, policy: String? = nil) throws -> Asset {
            let url = Bundle.module.resourceURL?.appendingPathComponent("Assets").appendingPathComponent(name)
            guard let url, let data = FileManager.default.contents(atPath: url.path) else { throw Missing(name: name) }
            let body = Array(data)
            return Asset(body: body, contentType: type, etag: "\"\(fnv1a(body))\"", cacheControl: cache, contentSecurityPolicy: policy)
        }
        // The demo page runs only same-origin scripts and styles; the widget adds no inline code.
        let policy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        return Assets(
            demoPage: try read("index.html", "text/html; charset=utf-8", cache: "no-cache", policy: policy),
            widgetScript: try read("widget.js", "text/javascript; charset=utf-8", cache: "public, max-age=300"),
            widgetStyle: try read("widget.css", "text/css; charset=utf-8", cache: "public, max-age=300"))
    }

    /// FNV-1a 64-bit, hex: a content hash for ETags.
    static func fnv1a(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
