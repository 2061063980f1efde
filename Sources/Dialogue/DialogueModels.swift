import Knowledge
import Retrieval
import VietText

/// Everything a dialogue engine computes from the knowledge before its first turn: the
/// procedure index and the three trained classifiers. Built once and shared, so engines that
/// differ only in thresholds or sessions (threshold search, tests) do not retrain.
public struct DialogueModels: Sendable {
    public let analyzer: Analyzer
    public let procedures: Searcher
    let intents: IntentModel
    let classifier: IntentClassifier
    let aspectClassifier: AspectClassifier
    let procedureClassifier: ProcedureClassifier
    /// Ward, commune and special-zone names ("phường Tân Định"), from the units catalogue.
    let places: PhraseMatcher<String>
    /// Each procedure's names (title and aliases) as their distinct folded syllables, each with
    /// its term number in the procedure index (nil when no procedure has it), by id.
    let names: [String: [[(text: String, term: Int32?)]]]
    /// The same names as spelled, marks and all ("báo tử"), for messages typed with marks.
    let typedNames: [String: [Set<String>]]
    /// Each procedure's document number in the index, by id.
    let documentNumbers: [String: Int]
    /// The ids of guides (how to use the portal, book an appointment): every procedure's online
    /// follow-up mentions their words.
    let guides: Set<String>
    /// Each procedure's title as folded syllables in order (guides left out), for `family(of:)`.
    let titles: NameRuns
    /// Each procedure's aliases likewise: "sổ đỏ" is in no title but in many aliases.
    let aliases: NameRuns
    /// Each procedure's answer for every aspect (in `Aspect.allCases` order), by id. An answer
    /// depends only on the procedure's fields, so it is composed once here rather than per turn
    /// (92 procedures × 10 aspects, about 1 MB).
    let answers: StringTable<[String]>

    public init(knowledge: KnowledgeBase, config: RetrievalConfig = .procedures) {
        analyzer = Analyzer.document.with(lexicon: knowledge.lexicon)
        var builder = IndexBuilder(config: config)
        for procedure in knowledge.procedures { builder.add(ProcedureDocuments.document(procedure)) }
        procedures = Searcher(index: builder.build(), analyzer: analyzer)
        intents = IntentModel(knowledge: knowledge, analyzer: analyzer)
        classifier = IntentClassifier(knowledge: knowledge, analyzer: analyzer)
        places = PhraseMatcher(knowledge.units.units.compactMap { unit in unit.area.map { ($0, $0) } })
        aspectClassifier = AspectClassifier(catalog: knowledge.intents, analyzer: analyzer, places: places)
        procedureClassifier = ProcedureClassifier(procedures: knowledge.procedures, analyzer: analyzer)
        // Each procedure's title and aliases as syllables, analysed once for all four uses.
        let tokens = knowledge.procedures.map { procedure in
            ([procedure.title] + procedure.aliases).map { Analyzer.document.tokens($0).filter(\.isPositional) }
        }
        let spelled = tokens.map { $0.map { $0.map(\.folded) } }
        var names: [String: [[(text: String, term: Int32?)]]] = [:]
        var typedNames: [String: [Set<String>]] = [:]
        let index = procedures.index
        for (procedure, (syllables, typed)) in zip(knowledge.procedures, zip(spelled, tokens)) where names[procedure.id] == nil {
            names[procedure.id] = syllables.map { name in Set(name).map { ($0, index.foldedTerm($0)) } }.filter { !$0.isEmpty }
            typedNames[procedure.id] = typed.map { Set($0.map(\.text)) }.filter { !$0.isEmpty }
        }
        self.names = names
        self.typedNames = typedNames
        guides = Set(knowledge.procedures.filter { $0.kind == .guide }.map(\.id))
        let named = zip(knowledge.procedures, spelled).filter { $0.0.kind != .guide }
        titles = NameRuns(named.map { ($0.0.id, $0.1[0]) })
        aliases = NameRuns(named.flatMap { procedure, syllables in syllables.dropFirst().map { (procedure.id, $0) } })
        documentNumbers = Dictionary(procedures.index.documents.enumerated().map { ($0.element.id, $0.offset) },
                                     uniquingKeysWith: { first, _ in first })
        let composer = AnswerComposer()
        var answers: [String: [String]] = [:]
        for procedure in knowledge.procedures where answers[procedure.id] == nil {
            answers[procedure.id] = Aspect.allCases.map { composer.answer(procedure, aspect: $0) }
        }
        self.answers = StringTable(answers)
    }

    /// The answer about one aspect of a procedure of the knowledge these models were built from
    /// (the first procedure with that id, as the engine's `byID`).
    func answer(_ procedure: Procedure, aspect: Aspect) -> String {
        guard let answers = answers[procedure.id], let index = Aspect.allCases.firstIndex(of: aspect) else {
            return AnswerComposer().answer(procedure, aspect: aspect)
        }
        return answers[index]
    }

    /// The one member of a family whose title is the family's words with only a generic verb
    /// ("Đăng ký khai sinh" among "Đăng ký lại khai sinh", "… có yếu tố nước ngoài"; "Cấp thẻ căn
    /// cước"): what the family's words mean on their own. Nil when there is none or several.
    func base(of family: [String], named words: [String]) -> String? {
        let shared = Set(words)
        let bases = titles.names.filter { family.contains($0.id) && Set($0.syllables).subtracting(shared).isSubset(of: Self.genericTitleWords) }
        return bases.count == 1 ? bases[0].id : nil
    }

    /// Title words that only say a procedure is done ("đăng ký", "cấp thẻ").
    static let genericTitleWords: Set<String> = ["dang", "ky", "cap", "the"]

    /// The procedures whose titles all hold these words in a row ("chứng thực": bản sao, chữ
    /// ký, hợp đồng), or failing that whose aliases do ("công ty tnhh"), when there are
    /// several; words that name one procedure give none. Also the
    /// words that named the family: the content without the citizen's "I" and asking words at
    /// its edges.
    func family(of content: [String]) -> (members: [String], words: [String]) {
        // "e muốn hỏi về chứng thực ạ", "thủ tục khai sinh như nào": the citizen's "I" and words
        // about asking are not part of a name.
        var words = content[...]
        while let first = words.first, Self.edgeWords.contains(first) { words = words.dropFirst() }
        while let last = words.last, Self.edgeWords.contains(last) { words = words.dropLast() }
        guard !words.isEmpty else { return ([], []) }
        var members = titles.holding(words)
        // Words in no two titles may still name a family through the procedures' aliases ("sổ
        // đỏ": làm sổ đỏ lần đầu, sang tên sổ đỏ, tách sổ đỏ), if they are two or more: one
        // folded syllable is in too many, and four or more are a sentence rather than a name.
        if members.count < 2, (2...3).contains(words.count) { members.formUnion(aliases.holding(words)) }
        guard members.count >= 2 else { return ([], Array(words)) }
        return (titles.names.lazy.map(\.id).filter(members.contains), Array(words))
    }

    /// Words that content keeps but that name nothing (folded): ways of saying "I", words about
    /// the asking ("thủ tục", "chút", "như nào") and where ("ở phường", "ở xã"); dropped at the
    /// edges of a family's words.
    static let edgeWords: Set<String> = ["e", "anh", "chi", "mik", "mk", "t", "cj", "ac", "thu", "tuc", "chut", "nhu", "ntn", "be", "con", "phuong", "xa"]

    /// Whether a message names a procedure as spelled: typed with marks, `share` of a name's
    /// syllables, marks and all, must be among the message's ("bao tử", the stomach, is not
    /// "báo tử"); typed without any, the folded match stands.
    func namesAsTyped(_ id: String, tokens: [Token], share: Double) -> Bool {
        let words = tokens.filter(\.isPositional)
        guard words.contains(where: { $0.text != $0.folded }) else { return true }
        let typed = Set(words.map(\.text))
        return (typedNames[id] ?? []).contains { name in Double(name.filter(typed.contains).count) >= share * Double(name.count) }
    }

    /// Whether every one of these words stands in one of the procedure's names ("xin phép" in
    /// "xin phép xây dựng").
    func holds(_ id: String, words: [String]) -> Bool {
        (names[id] ?? []).contains { name in words.allSatisfy { word in name.contains { $0.text == word } } }
    }

    /// Whether a message names a procedure: it contains at least `share` of the syllables of the
    /// procedure's title or of one of its aliases. `terms` are the syllables' term numbers in the procedure index: equal syllables have equal
    /// numbers, so a name's syllable is found by number, by text only when no procedure has it.
    func names(_ id: String, syllables: [String], terms: [Int32?], share: Double) -> Bool {
        func contains(_ syllable: (text: String, term: Int32?)) -> Bool {
            if let term = syllable.term { return terms.contains(term) }
            return zip(syllables, terms).contains { $0.1 == nil && $0.0 == syllable.text }
        }
        return (names[id] ?? []).contains { name in
            // Counts shared syllables without building the intersection, and stops as soon as
            // the answer is known.
            let needed = share * Double(name.count)
            var shared = 0, left = name.count
            for syllable in name {
                if Double(shared) >= needed { return true }
                if Double(shared + left) < needed { return false }
                if contains(syllable) { shared += 1 }
                left -= 1
            }
            return Double(shared) >= needed
        }
    }

    /// Another procedure a follow-up names outright, by itself or with the words of the current
    /// procedure's title ("còn gia hạn thì sao" after "đăng ký tạm trú"), when the message does not
    /// name the current one: a title or alias wholly present, at least half of it typed in the message.
    /// Never from a procedure into a guide ("làm trên dvc được không" is still about the procedure).
    func switched(from current: String, syllables: [String], terms: [Int32?], among hits: ArraySlice<SearchHit>) -> SearchHit? {
        guard !names(current, syllables: syllables, terms: terms, share: 1), let title = names[current]?.first else { return nil }
        let typedWords = Set(syllables)
        return hits.first { hit in
            hit.id != current && (!guides.contains(hit.id) || guides.contains(current)) && (names[hit.id] ?? []).contains { name in
                let typed = name.filter { typedWords.contains($0.text) }.count
                return 2 * typed >= name.count
                    && name.allSatisfy { syllable in typedWords.contains(syllable.text) || title.contains { $0.text == syllable.text } }
            }
        }
    }
}
