import Foundation
import TestSupport
import Testing
@testable import Retrieval

/// Corpus and question files in, with clear errors for bad lines.
@Suite struct CorpusReaderTests {
    func file(_ text: String) throws -> String {
        let path = ScratchSpace.root.appendingPathComponent("\(UUID().uuidString).jsonl").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func genericCorpusWithExtraFields() throws {
        let path = try file("""
        {"id": "1", "title": "Điều 1", "text": "Phạm vi", "tags": ["a", "b"], "n": 3}

        {"id": "2", "title": "Điều 2", "text": "Đối tượng", "note": "ghi chú"}
        """)
        let documents = try CorpusReader.read(path: path)
        #expect(documents.map(\.id) == ["1", "2"])
        #expect(documents[0].fields.map(\.name) == ["title", "text", "tags"])
        #expect(documents[0].text(of: "tags") == "a\nb")
        #expect(documents[1].text(of: "note") == "ghi chú")
    }

    @Test func portalRecordsAreDetected() throws {
        let path = try file(#"{"ma_thu_tuc": "1.000757", "ten_thu_tuc": "Cấp lại thẻ căn cước", "linh_vuc": "Căn cước", "yeu_cau_dieu_kien": "Không có thông tin"}"#)
        let documents = try CorpusReader.read(path: path)
        #expect(documents.first?.id == "1.000757")
        #expect(documents.first?.fields.map(\.name) == ["title", "field"])
    }

    @Test func badLinesNameTheirNumber() throws {
        let path = try file("{\"id\": \"1\"}\nnot json\n")
        #expect(throws: CorpusReader.Problem(file: path, line: 2, message: "not a JSON object")) {
            _ = try CorpusReader.read(path: path)
        }
        let missing = try file("{\"title\": \"no id\"}\n")
        #expect(throws: CorpusReader.Problem(file: missing, line: 1, message: "missing \"id\"")) {
            _ = try CorpusReader.read(path: missing)
        }
    }

    @Test func questionsAcceptBothSpellings() throws {
        let path = try file("""
        {"question": "mất cccd", "relevant": ["a", "b"], "style": "formal", "aspect": "fee"}
        {"q": "lam lai", "procedure": "c"}
        """)
        let questions = try LabelledQuestion.read(path: path)
        #expect(questions.map(\.relevant) == [["a", "b"], ["c"]])
        #expect(questions.map(\.question) == ["mất cccd", "lam lai"])
        #expect(questions[0].style == "formal")
        #expect(throws: CorpusReader.Problem.self) { try LabelledQuestion.read(path: try file("{\"relevant\": []}")) }
    }
}
