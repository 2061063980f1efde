import HTTPServer
import OrderedJSON
import Testing

/// The strict JSON parser: every accepted input round-trips through OrderedJSON, every
/// rejected one says where and why.
struct JSONParserTests {
    @Test(arguments: [
        (#"{"message": "xin chào", "session": null}"#, #"{"message":"xin chào","session":null}"#),
        (#"{"b":1,"a":2}"#, #"{"b":1,"a":2}"#),
        (#" [1, -2, 3.5, 1e3, true, false, null] "#, #"[1,-2,3.5,1000,true,false,null]"#),
        (#""\u0063\u1ea1n \ud83d\ude00 \n\t\"\\\/""#, #""cạn 😀 \n\t\"\\/""#),
        (#"{"a":{"b":[{}, []]}}"#, #"{"a":{"b":[{},[]]}}"#),
        ("0", "0"),
        ("-0.5", "-0.5"),
        ("12345678901234567890", "1.2345678901234567e+19"),
    ])
    func accepts(input: String, serialized: String) throws {
        #expect(try JSONParser.parse(input).serialized() == serialized)
    }

    @Test(arguments: [
        ("", "malformed JSON at byte 0: unexpected end of input"),
        ("{", "malformed JSON at byte 1: expected a string key"),
        (#"{"a" 1}"#, "malformed JSON at byte 5: expected ':'"),
        (#"{"a":1,}"#, "malformed JSON at byte 7: expected a string key"),
        (#"{"a":1 "b":2}"#, "malformed JSON at byte 7: expected ',' or '}'"),
        ("[1 2]", "malformed JSON at byte 3: expected ',' or ']'"),
        (#"{"a":1,"a":2}"#, #"malformed JSON at byte 7: duplicate key "a""#),
        ("01", "malformed JSON at byte 1: leading zero in a number"),
        ("1.", "malformed JSON at byte 2: expected a digit after '.'"),
        ("-", "malformed JSON at byte 1: expected a digit"),
        ("1e", "malformed JSON at byte 2: expected a digit in the exponent"),
        ("1e999", "malformed JSON at byte 0: number out of range"),
        ("tru", "malformed JSON at byte 0: unexpected end of input"),
        ("nul!", "malformed JSON at byte 0: unexpected character"),
        (#""abc"#, "malformed JSON at byte 4: unterminated string"),
        ("\"a\u{01}\"", "malformed JSON at byte 2: control character in a string (escape it)"),
        (#""\x""#, #"malformed JSON at byte 2: invalid escape"#),
        (#""\ud83d""#, #"malformed JSON at byte 7: lone high surrogate in \u escape"#),
        (#""\ude00""#, #"malformed JSON at byte 7: lone low surrogate in \u escape"#),
        (#""\u12G4""#, #"malformed JSON at byte 5: invalid hex digit in \u escape"#),
        ("{} x", "malformed JSON at byte 3: unexpected data after the JSON value"),
        ("'a'", "malformed JSON at byte 0: unexpected character"),
    ])
    func rejects(input: String, message: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(input) }
        do {
            _ = try JSONParser.parse(input)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func invalidUTF8IsLocated() {
        let bytes: [UInt8] = Array(#"{"a":"ch"#.utf8) + [0xC3] + Array(#"x"}"#.utf8)
        do {
            _ = try JSONParser.parse(bytes)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "malformed JSON at byte 8: the text is not valid UTF-8")
        }
    }

    @Test func depthIsBounded() throws {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        do {
            _ = try JSONParser.parse(deep)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "malformed JSON at byte 64: nested deeper than 64 levels")
        }
        let fine = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try JSONParser.parse(fine).serialized() == fine)
    }
}

struct FormDecoderTests {
    @Test(arguments: [
        ("a=1&b=2", ["a": "1", "b": "2"]),
        ("q=l%C3%BD+l%E1%BB%8Bch", ["q": "lý lịch"]),
        ("a=1&a=2", ["a": "2"]),
        ("flag&x=", ["flag": "", "x": ""]),
        ("&&a=%3D%26", ["a": "=&"]),
        ("", [:]),
    ])
    func decodes(input: String, expected: [String: String]) {
        #expect(FormDecoder.decode(Array(input.utf8)) == expected)
    }

    @Test(arguments: ["a=%", "a=%4", "a=%ZZ", "a=%FF"])
    func rejectsBrokenEscapes(input: String) {
        #expect(FormDecoder.decode(Array(input.utf8)) == nil)
    }
}
