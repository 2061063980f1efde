import Foundation

/// One labelled question of an evaluation set (DESIGN.md: `question`/`q`, `relevant`/`procedure`,
/// optional `aspect`, `intent`, `category`, `style`).
public struct LabelledQuestion: Sendable, Equatable {
    public var question: String
    public var relevant: [String]
    public var style: String?
    public var aspect: String?
    public var intent: String?
    public var category: String?
    public var line: Int

    public init(question: String, relevant: [String], style: String? = nil, aspect: String? = nil, intent: String? = nil,
                category: String? = nil, line: Int = 0) {
        self.question = question
        self.relevant = relevant
        self.style = style
        self.aspect = aspect
        self.intent = intent
        self.category = category
        self.line = line
    }

    /// Reads a question set; lines without a question are refused with their number.
    public static func read(path: String) throws(CorpusReader.Problem) -> [LabelledQuestion] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CorpusReader.Problem(file: path, line: 0, message: "cannot read the file")
        }
        var questions: [LabelledQuestion] = []
        var number = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw CorpusReader.Problem(file: path, line: number, message: "not a JSON object")
            }
            guard let question = (object["question"] as? String) ?? (object["q"] as? String) else {
                throw CorpusReader.Problem(file: path, line: number, message: "missing \"question\" (or \"q\")")
            }
            let relevant = (object["relevant"] as? [String]) ?? (object["procedure"] as? String).map { [$0] } ?? []
            questions.append(LabelledQuestion(question: question, relevant: relevant, style: object["style"] as? String,
                                              aspect: object["aspect"] as? String, intent: object["intent"] as? String,
                                              category: object["category"] as? String, line: number))
        }
        return questions
    }
}
