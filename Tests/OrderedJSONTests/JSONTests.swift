import Testing
import OrderedJSON

/// Serialization keeps key order and escapes what JSON requires.
@Suite struct JSONTests {
    @Test func keepsKeyOrder() {
        let value: JSON = .object([("input", "a"), ("normalized", "b"), ("folded", "c"), ("tokens", []), ("alternatives", nil)])
        #expect(value.serialized() == #"{"input":"a","normalized":"b","folded":"c","tokens":[],"alternatives":null}"#)
    }

    @Test(arguments: [
        (JSON.string("tiếng \"Việt\"\n\\/"), #""tiếng \"Việt\"\n\\/""#),
        (.string("\u{01}\u{1F}\u{2028}"), #""\u0001\u001f\u2028""#),
        (.double(0.93), "0.93"), (.double(17), "17"), (.double(.nan), "null"), (.double(-2.5e-7), "-2.5e-07"),
        (.int(-3), "-3"), (.bool(true), "true"), (.array([1, "x", nil]), #"[1,"x",null]"#),
    ])
    func serializes(value: JSON, expected: String) {
        #expect(value.serialized() == expected)
    }

    @Test func subscriptFindsKeys() {
        let value: JSON = .object([("a", 1), ("b", .object([("c", true)]))])
        #expect(value["b"]?["c"] == .bool(true))
        #expect(value["z"] == nil)
        #expect(JSON.int(1)["a"] == nil)
    }
}
