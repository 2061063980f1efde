import Foundation

/// The folder that holds a test process's scratch files and databases, removed when the
/// process exits: thousands of test databases otherwise piled up in the system temporary
/// directory. Shared by the test targets that write files.
public enum ScratchSpace {
    /// `hoidap-tests-<pid>` in the system temporary directory, made on first use.
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hoidap-tests-\(getpid())")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ScratchSpace.root) }
        return url
    }()

    /// A fresh folder inside `root`.
    public static func folder() -> URL {
        let url = root.appendingPathComponent(UUID().uuidString)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
