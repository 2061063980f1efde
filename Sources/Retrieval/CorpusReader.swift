import Foundation

/// Reads corpora in JSON Lines: the generic shape (`id`, `title`, `text`, extra text fields
/// indexed as named fields) and the national portal's procedure records (`--format dvc`).
public enum CorpusReader {
    /// The shape of a corpus file.
    public enum Format: String, Sendable, CaseIterable {
        case generic, dvc
    }

    /// A line that could not be read, with its reason.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }

        public init(file: String, line: Int, message: String) {
            self.file = file
            self.line = line
            self.message = message
        }
    }

    /// The record fields of the portal shape that are indexed, with the field name used.
    public static let dvcFields: [(key: String, field: String)] = [
        ("ten_thu_tuc", "title"), ("linh_vuc", "field"), ("doi_tuong_thuc_hien", "audience"),
        ("co_quan_thuc_hien", "agency"), ("co_quan_co_tham_quyen", "authority"), ("cap_thuc_hien", "level"),
        ("trinh_tu_thuc_hien", "steps"), ("cach_thuc_thuc_hien", "channels"), ("thanh_phan_ho_so", "documents"),
        ("yeu_cau_dieu_kien", "requirements"), ("ket_qua_xu_ly", "result"), ("can_cu_phap_ly", "legal_basis"),
    ]

    /// Reads a corpus; the format is detected from the first record when not given.
    /// - Throws: `Problem` for an unreadable file or a malformed line (with its number).
    public static func read(path: String, format: Format? = nil) throws(Problem) -> [IndexDocument] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(file: path, line: 0, message: "cannot read the file")
        }
        var documents: [IndexDocument] = []
        var detected = format
        var number = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw Problem(file: path, line: number, message: "not a JSON object")
            }
            let shape = detected ?? (object["ma_thu_tuc"] != nil ? .dvc : .generic)
            detected = shape
            switch shape {
            case .dvc: documents.append(try dvcDocument(object, path: path, line: number))
            case .generic: documents.append(try genericDocument(object, path: path, line: number))
            }
        }
        return documents
    }

    static func genericDocument(_ object: [String: Any], path: String, line: Int) throws(Problem) -> IndexDocument {
        guard let id = (object["id"] as? String) ?? (object["id"] as? Int).map(String.init), !id.isEmpty else {
            throw Problem(file: path, line: line, message: "missing \"id\"")
        }
        let title = object["title"] as? String ?? ""
        var fields: [(String, String)] = [("title", title), ("text", object["text"] as? String ?? "")]
        for key in object.keys.sorted() where !["id", "title", "text"].contains(key) {
            if let text = object[key] as? String, !text.isEmpty { fields.append((key, text)) }
            if let list = object[key] as? [String], !list.isEmpty { fields.append((key, list.joined(separator: "\n"))) }
        }
        return IndexDocument(id: id, title: title, fields: fields)
    }

    static func dvcDocument(_ object: [String: Any], path: String, line: Int) throws(Problem) -> IndexDocument {
        guard let id = object["ma_thu_tuc"] as? String, !id.isEmpty else {
            throw Problem(file: path, line: line, message: "missing \"ma_thu_tuc\"")
        }
        let title = object["ten_thu_tuc"] as? String ?? ""
        let fields = dvcFields.compactMap { key, field -> (String, String)? in
            guard let text = object[key] as? String, !text.isEmpty, text != "Không có thông tin" else { return nil }
            return (field, text)
        }
        return IndexDocument(id: id, title: title, fields: fields)
    }
}
