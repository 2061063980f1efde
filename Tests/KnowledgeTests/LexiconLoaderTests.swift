import Foundation
import Testing
@testable import Knowledge
import VietText

/// The lexicon file is data, loaded and validated with file:line errors.
@Suite struct LexiconLoaderTests {
    @Test func loadsEntriesWithDefaultsAndWeights() throws {
        let lexicon = try LexiconLoader.load(text: """
        entries:
          - term: cccd
            kind: abbreviation
            readings: [căn cước công dân, căn cước]
          - term: hông
            kind: teencode
            readings: [không]
            weight: 0.5
        """)
        #expect(lexicon.entries.count == 2)
        #expect(lexicon.entries[0] == Lexicon.Entry(term: "cccd", kind: .abbreviation, readings: ["căn cước công dân", "căn cước"], weight: 0.9))
        #expect(lexicon.entries[1].weight == 0.5)
    }

    @Test(arguments: [
        ("entries:\n  - term: ko\n    kind: slang\n    readings: [không]\n",
         ["lexicon.yaml:3: unknown kind 'slang' (fix: use one of: abbreviation, teencode, synonym)"]),
        ("entries:\n  - term: ko\n    kind: teencode\n    readngs: [không]\n",
         ["lexicon.yaml:4: unknown key 'readngs' in a lexicon entry (fix: allowed keys: term, kind, readings, weight)",
          "lexicon.yaml:2: a lexicon entry is missing the required key 'readings'"]),
        ("entries:\n  - term: ko\n    kind: teencode\n    readings: [không]\n  - term: KO\n    kind: teencode\n    readings: [không]\n",
         ["lexicon.yaml:5: the term 'KO' is not lowercase (fix: write it as 'ko')",
          "lexicon.yaml:5: the term 'KO' is already defined at line 2 (fix: merge the readings into one entry)"]),
        ("entries:\n  - term: ko\n    kind: teencode\n    readings: []\n",
         ["lexicon.yaml:4: 'readings' needs at least 1 entries, has 0"]),
        ("entries:\n  - term: ko\n    kind: teencode\n    readings: [không]\n    weight: 3\n",
         ["lexicon.yaml:5: weight 3.0 is outside (0, 1] (fix: use a number such as 0.8)"]),
        ("entries:\n  - term: \"cu\u{0300}\"\n    kind: teencode\n    readings: [cũ]\n",
         ["lexicon.yaml:2: 'term' is not in Unicode NFC (fix: re-save the text composed (NFC); some editors decompose accents)"]),
        ("entries: [\n", ["lexicon.yaml:2: YAML syntax error: did not find expected node content (fix: check indentation and quote values that contain ': ' or start with a special character)"]),
        ("words: []\n", ["lexicon.yaml:1: unknown key 'words' in the lexicon (fix: allowed keys: entries)",
                         "lexicon.yaml:1: the lexicon is missing the required key 'entries'"]),
    ])
    func refusesBrokenFiles(text: String, expected: [String]) {
        #expect(throws: DataError.self) { try LexiconLoader.load(text: text) }
        do {
            _ = try LexiconLoader.load(text: text)
        } catch {
            #expect(error.issues.map(\.description) == expected)
        }
    }

    @Test func missingFileIsAClearError() {
        do {
            _ = try LexiconLoader.load(path: "/nonexistent/lexicon.yaml")
            Issue.record("loading a missing file succeeded")
        } catch {
            #expect(error.description == "/nonexistent/lexicon.yaml:0: cannot read the file (fix: check that it exists and is readable)")
        }
    }
}
