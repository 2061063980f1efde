import Foundation
import GRDB
import Retrieval

/// SQLite FTS5 as a user would set it up: tokenizer `unicode61 remove_diacritics 2`, bm25
/// ranking, the question's words joined with OR. The comparison system of `eval` and `bench`.
public final class FTS5Ranker: Ranker, @unchecked Sendable {
    public let name = "fts5"
    /// The database file (FTS5 needs a file for a pool of concurrent readers).
    public let path: String
    private let pool: DatabasePool

    /// Builds the FTS5 table in a temporary file.
    public init(documents: [IndexDocument], directory: URL = FileManager.default.temporaryDirectory) throws {
        path = directory.appendingPathComponent("hoidap-fts5-\(UUID().uuidString).sqlite").path
        var configuration = Configuration()
        configuration.maximumReaderCount = max(ProcessInfo.processInfo.activeProcessorCount, 2)
        pool = try DatabasePool(path: path, configuration: configuration)
        try pool.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')")
            let statement = try db.makeStatement(sql: "INSERT INTO docs(id, title, body) VALUES (?, ?, ?)")
            for document in documents {
                let body = document.fields.filter { $0.name != "title" }.map(\.text).joined(separator: "\n")
                try statement.execute(arguments: [document.id, document.title, body])
            }
        }
    }

    deinit {
        try? pool.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Size of the database file and its WAL.
    public var bytes: Int {
        ["", "-wal"].reduce(0) { total, suffix in
            total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
        }
    }

    /// The FTS5 query for a question: each word quoted, joined with OR.
    public static func matchExpression(_ question: String) -> String? {
        let words = question.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard !words.isEmpty else { return nil }
        var seen = Set<String>()
        return words.filter { seen.insert($0).inserted }.map { "\"\($0)\"" }.joined(separator: " OR ")
    }

    public func rank(_ question: String, limit: Int) -> [String] {
        guard let expression = Self.matchExpression(question) else { return [] }
        return (try? pool.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?",
                                arguments: [expression, limit])
        }) ?? []
    }
}
