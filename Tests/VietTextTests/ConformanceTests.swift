import Foundation
import Testing
@testable import VietText

/// The peer vn-text conformance suite (deaccent, stripStroke, normalize, repairMojibake,
/// isVietnamese, fold).
@Suite(.enabled(if: SharedData.available, SharedData.skipReason))
struct ConformanceTests {
    struct Case: Decodable {
        var id: String
        var fn: String
        var input: String
        var expected: Expected
    }

    enum Expected: Decodable {
        case text(String), flag(Bool)
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) { self = .flag(flag) } else { self = .text(try container.decode(String.self)) }
        }
    }

    struct Suite: Decodable { var cases: [Case] }

    /// Where our search key deliberately differs from vn-text's `fold`, and why.
    static let foldDifferences: [String: (ours: String, reason: String)] = [
        "fold-026": ("dong dang", "ETH is legacy data's stand-in for đ in Vietnamese text, so it folds to d as đ does"),
    ]

    func cases(_ function: String) throws -> [Case] {
        let data = try Data(contentsOf: SharedData.root.appendingPathComponent("normalize/vn-text/vn-text-1.0.0.json"))
        return try JSONDecoder().decode(Suite.self, from: data).cases.filter { $0.fn == function }
    }

    @Test(arguments: ["deaccent", "stripStroke", "normalize", "repairMojibake"])
    func textFunction(_ function: String) throws {
        let all = try cases(function)
        #expect(!all.isEmpty)
        for item in all {
            guard case let .text(expected) = item.expected else { Issue.record("\(item.id) expects text"); continue }
            let actual = switch function {
            case "deaccent": VietString.deaccent(item.input)
            case "stripStroke": VietString.stripStroke(item.input)
            case "normalize": VietString.nfc(item.input)
            default: VietString.repairMojibake(item.input)
            }
            #expect(actual == expected, "\(item.id)")
        }
    }

    @Test func isVietnamese() throws {
        for item in try cases("isVietnamese") {
            guard case let .flag(expected) = item.expected else { continue }
            #expect(VietString.isVietnamese(item.input) == expected, "\(item.id)")
        }
    }

    @Test func foldPassesOrDiffersDeliberately() throws {
        let all = try cases("fold")
        #expect(all.count == 40)
        for item in all {
            guard case let .text(expected) = item.expected else { continue }
            let actual = VietString.searchKey(item.input)
            if let difference = Self.foldDifferences[item.id] {
                #expect(actual == difference.ours, "\(item.id): \(difference.reason)")
                #expect(actual != expected, "\(item.id) is listed as a difference but now agrees")
            } else {
                #expect(actual == expected, "\(item.id)")
            }
        }
    }
}
