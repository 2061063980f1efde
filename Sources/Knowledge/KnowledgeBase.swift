import VietText

/// Everything hoidap knows, loaded and validated together: procedures, units, intents and
/// the lexicon.
public struct KnowledgeBase: Sendable {
    public var procedures: [Procedure]
    public var units: UnitCatalog
    public var intents: IntentCatalog
    public var lexicon: VietTextLexicon

    /// Loads `corpus/procedures/`, `corpus/units.yaml` and the files of `intents/`.
    /// - Throws: `DataError` with every issue of every file, so one run shows all of them.
    public static func load(corpus: String, intents: String) throws(DataError) -> KnowledgeBase {
        var issues: [DataIssue] = []
        var procedures: [Procedure] = []
        var units: UnitCatalog? = nil
        var catalog: IntentCatalog? = nil
        var lexicon: VietTextLexicon? = nil
        do { procedures = try ProcedureLoader.load(directory: corpus + "/procedures") } catch { issues += error.issues }
        do { units = try UnitCatalog.load(path: corpus + "/units.yaml") } catch { issues += error.issues }
        do { catalog = try IntentLoader.load(directory: intents) } catch { issues += error.issues }
        do { lexicon = try LexiconLoader.load(path: intents + "/lexicon.yaml") } catch { issues += error.issues }
        guard issues.isEmpty, let units, let catalog, let lexicon else { throw DataError(issues: issues) }
        return KnowledgeBase(procedures: procedures, units: units, intents: catalog, lexicon: lexicon)
    }

    /// The procedure with an id.
    public func procedure(id: String) -> Procedure? { procedures.first { $0.id == id } }
}

/// The lexicon type, named here so callers of `KnowledgeBase` need not import VietText.
public typealias VietTextLexicon = Lexicon
