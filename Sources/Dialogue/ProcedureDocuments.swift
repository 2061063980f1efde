import Knowledge
import Retrieval

/// How a curated procedure is indexed: one named field per part a citizen may ask about.
public enum ProcedureDocuments {
    /// The index document of a procedure.
    public static func document(_ procedure: Procedure) -> IndexDocument {
        let documents = procedure.documents.map { [$0.name, $0.form, $0.count].compactMap { $0 }.joined(separator: " ") }
        let fees = procedure.fee.map { [$0.amount, $0.note].compactMap { $0 }.joined(separator: " ") }
        return IndexDocument(id: procedure.id, title: procedure.title, fields: [
            ("title", procedure.title),
            ("aliases", procedure.aliases.joined(separator: "\n")),
            ("examples", procedure.examples.joined(separator: "\n")),
            ("field", procedure.field),
            ("agency", ([procedure.agency] + procedure.place.offices).joined(separator: "\n")),
            ("steps", procedure.steps.joined(separator: "\n")),
            ("documents", documents.joined(separator: "\n")),
            ("fees", (fees + procedure.exemptions + procedure.duration.map(\.time)).joined(separator: "\n")),
            ("requirements", procedure.requirements.joined(separator: "\n")),
            ("result", procedure.result),
            ("legal_basis", procedure.legalBasis.joined(separator: "\n")),
            ("notes", procedure.notes.joined(separator: "\n")),
        ])
    }
}
