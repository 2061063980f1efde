import Foundation
import GRDB

/// Everything that can go wrong in the Tickets module, in English, without personal data.
///
/// The dialogue and HTTP layers turn these into Vietnamese messages for citizens; the texts
/// here are for officers, logs and tests, so they say what is wrong and never echo a phone
/// number, a name or a description back.
public enum TicketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A required field is missing or a value is out of bounds; `field` names the input.
    case invalidInput(field: String, message: String)
    case invalidPhone(String)
    case unknownCategory(String)
    case unknownUnit(String)
    case invalidTransition(from: TicketStatus, to: TicketStatus)
    case noteRequired(TicketStatus)
    /// No ticket matches; the same answer for a wrong code and a wrong phone number.
    case notFound
    case unknownDirective(Int64)
    /// A bearer token that does not exist, was revoked, or is malformed.
    case unauthorized
    /// A valid officer acting outside their unit or role.
    case forbidden(String)
    /// The database stayed locked after every retry.
    case busy(attempts: Int)
    /// No unused ticket code after every retry (practically impossible with 30^8 codes).
    case codeSpaceExhausted(attempts: Int)
    case database(String)

    public var description: String {
        switch self {
        case let .invalidInput(field, message): "\(field): \(message)"
        case let .invalidPhone(message): "phone: \(message)"
        case let .unknownCategory(name): "unknown category '\(name)' (use one of: \(TicketCategory.allCases.map(\.rawValue).joined(separator: ", ")))"
        case let .unknownUnit(id): "unknown unit '\(id)'"
        case let .invalidTransition(from, to):
            "a ticket cannot go from \(from.rawValue) to \(to.rawValue) (allowed: \(from.allowedNext.map(\.rawValue).joined(separator: ", ")))"
        case let .noteRequired(status): "moving a ticket to \(status.rawValue) needs a note with the reason"
        case .notFound: "no ticket matches this code and phone number"
        case let .unknownDirective(id): "no directive #\(id)"
        case .unauthorized: "the token is missing, unknown or revoked"
        case let .forbidden(reason): "not allowed: \(reason)"
        case let .busy(attempts): "the ticket database stayed locked after \(attempts) attempts; try again"
        case let .codeSpaceExhausted(attempts): "could not find an unused ticket code in \(attempts) attempts"
        case let .database(message): "database error: \(message)"
        }
    }

    /// Wraps a GRDB error without its SQL arguments (which may hold personal data).
    static func wrap(_ error: any Error) -> TicketError {
        if let error = error as? TicketError { return error }
        if let error = error as? DatabaseError {
            return .database("\(error.resultCode) \(error.message ?? "")")
        }
        return .database(String(describing: type(of: error)))
    }
}
