import Foundation
import HTTPServer
import HoiDapService
import Testing

/// Headless Chromium (Debian package `chromium`, installed by `make test`) loads the demo page
/// from a test server with the fake engine, asks a question through the widget (`?hoi=`), and
/// the answer must be in the DOM. A 360-px-wide screenshot is kept in
/// `.build/test-artifacts/widget-360.png`.
struct BrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var artifacts: URL {
        // Tests/HoiDapServiceTests/BrowserTests.swift → the package root.
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/test-artifacts")
    }

    /// Runs Chromium headless with `arguments` and returns its standard output.
    static func chromium(_ arguments: [String]) throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("hoidap-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        // --no-sandbox: test containers often run as root, where the sandbox refuses to start.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(profile.path)", "--lang=vi"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: BrowserTests.chromium != nil, "Chromium is not installed (Debian package chromium; `make test` installs it)"))
    func theWidgetAnswersAQuestionInTheBrowser() throws {
        let harness = try Harness()
        let server = try IntegrationTests.serve(harness)
        defer { server.stop() }
        let question = "L%C3%A0m%20l%E1%BA%A1i%20c%C4%83n%20c%C6%B0%E1%BB%9Bc%20b%E1%BB%8B%20m%E1%BA%A5t"  // "Làm lại căn cước bị mất"
        let page = "http://127.0.0.1:\(server.port)/?hoi=\(question)"
        let dom = try Self.chromium(["--virtual-time-budget=20000", "--dump-dom", page])
        #expect(dom.contains(#"<p class="hd-text">Làm lại căn cước bị mất</p>"#), "the question is not in the DOM:\n\(dom.prefix(4000))")
        #expect(dom.contains("Cấp lại thẻ căn cước: nộp hồ sơ tại Công an cấp xã nơi cư trú hoặc trên Cổng dịch vụ công. Lệ phí 70.000 đồng."),
                "the answer is not in the DOM:\n\(dom.prefix(4000))")
        #expect(dom.contains(#"<p class="hd-procedure">Thủ tục: Cấp lại thẻ căn cước (mã 1.001234)</p>"#))
        #expect(dom.contains(#"href="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001234""#))
        #expect(dom.contains(#"<button class="hd-chip" type="button">Hồ sơ gồm những gì?</button>"#))
        #expect(dom.contains(#"role="log" aria-live="polite""#))
        #expect(harness.engine.turns.value.map(\.message) == ["Làm lại căn cước bị mất"])
    }

    @Test(.enabled(if: BrowserTests.chromium != nil, "Chromium is not installed (Debian package chromium; `make test` installs it)"))
    func clarificationChoicesAreButtons() throws {
        let harness = try Harness()
        let server = try IntegrationTests.serve(harness)
        defer { server.stop() }
        let dom = try Self.chromium(["--virtual-time-budget=20000", "--dump-dom", "http://127.0.0.1:\(server.port)/?hoi=khai%20sinh"])
        #expect(dom.contains(#"<div class="hd-choices" role="group" aria-label="Bạn hỏi về thủ tục nào?">"#), "\(dom.prefix(4000))")
        #expect(dom.contains(#"<button class="hd-choice" type="button">Đăng ký khai sinh có yếu tố nước ngoài</button>"#))
    }

    @Test(.enabled(if: BrowserTests.chromium != nil, "Chromium is not installed (Debian package chromium; `make test` installs it)"))
    func escalationShowsTheShortForm() throws {
        let harness = try Harness()
        let server = try IntegrationTests.serve(harness)
        defer { server.stop() }
        let dom = try Self.chromium(["--virtual-time-budget=20000", "--dump-dom", "http://127.0.0.1:\(server.port)/?hoi=ph%E1%BA%A3n%20%C3%A1nh%20%E1%BB%95%20g%C3%A0"])
        #expect(dom.contains("<legend>Gửi phản ánh đến Trung tâm 1022</legend>"), "\(dom.prefix(4000))")
        for label in ["Sự việc cần phản ánh", "Địa điểm (số nhà, đường, phường/xã)", "Họ và tên", "Số điện thoại"] {
            #expect(dom.contains(">\(label)</label>"))
        }
        #expect(dom.contains(#"type="tel""#))
    }

    @Test(.enabled(if: BrowserTests.chromium != nil, "Chromium is not installed (Debian package chromium; `make test` installs it)"))
    func screenshotAt360Pixels() throws {
        let harness = try Harness()
        let server = try IntegrationTests.serve(harness)
        defer { server.stop() }
        try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)
        let file = Self.artifacts.appendingPathComponent("widget-360.png")
        try? FileManager.default.removeItem(at: file)
        _ = try Self.chromium(["--virtual-time-budget=20000", "--window-size=360,900", "--hide-scrollbars", "--screenshot=\(file.path)",
                               "http://127.0.0.1:\(server.port)/?hoi=L%C3%A0m%20l%E1%BA%A1i%20c%C4%83n%20c%C6%B0%E1%BB%9Bc"])
        let png = try Data(contentsOf: file)
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // The PNG's IHDR width is the window width.
        #expect(png[16..<20] == Data([0, 0, 0x01, 0x68]))
    }
}
