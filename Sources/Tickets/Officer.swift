import Foundation
import GRDB

/// An officer known by a bearer token: who they are, which unit they serve, what they may do.
public struct Officer: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// Works tickets.
        case officer
        /// Also issues directives.
        case leader
    }

    public var id: Int64
    public var name: String
    /// The unit whose tickets the officer sees; nil for the central desk's staff, who see all.
    public var unitID: String?
    public var role: Role
    public var createdAt: Date
    public var revokedAt: Date?
}

extension TicketStore {
    /// Issues a bearer token for an officer; the token is returned once and stored hashed.
    ///
    /// Tokens are `hd_` followed by 43 base64url characters (256 random bits).
    /// - Throws: `.invalidInput` for an empty or active duplicate name, `.unknownUnit`.
    public func createToken(name: String, unitID: String?, role: Officer.Role) throws(TicketError) -> (officer: Officer, token: String) {
        guard let name = try Self.text(name, field: "name", limit: TicketLimits.name) else {
            throw .invalidInput(field: "name", message: "is required")
        }
        if let unitID, router.unit(id: unitID) == nil { throw .unknownUnit(unitID) }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = "hd_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let at = now
        let id = try write { db -> Int64 in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM officer_tokens WHERE name = ? AND revoked_at IS NULL", arguments: [name]) == true {
                throw TicketError.invalidInput(field: "name", message: "an active token already has this name; revoke it first")
            }
            try db.execute(sql: """
                INSERT INTO officer_tokens (name, unit_id, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [name, unitID, role.rawValue, SHA256.hex(token), at])
            return db.lastInsertedRowID
        }
        log("token created for \(LogMask.name(name)) (\(role.rawValue), unit \(unitID ?? "all"))")
        return (Officer(id: id, name: name, unitID: unitID, role: role, createdAt: at, revokedAt: nil), token)
    }

    /// The officer a bearer token belongs to.
    /// - Throws: `.unauthorized` for an unknown, revoked or malformed token (one answer for all).
    public func authenticate(token: String) throws(TicketError) -> Officer {
        let token = token.hasPrefix("Bearer ") ? String(token.dropFirst(7)) : token
        guard token.hasPrefix("hd_"), token.count == 46 else { throw .unauthorized }
        let hash = SHA256.hex(token)
        let officer = try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM officer_tokens WHERE token_hash = ? AND revoked_at IS NULL",
                             arguments: [hash]).map(Self.officer)
        }
        guard let officer else { throw .unauthorized }
        return officer
    }

    /// Revokes the active token with this name; the row stays for the record.
    @discardableResult
    public func revokeToken(name: String) throws(TicketError) -> Officer {
        let at = now
        let officer = try write { db -> Officer in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM officer_tokens WHERE name = ? AND revoked_at IS NULL", arguments: [name]) else {
                throw TicketError.invalidInput(field: "name", message: "no active token has this name")
            }
            var officer = Self.officer(row)
            try db.execute(sql: "UPDATE officer_tokens SET revoked_at = ? WHERE id = ?", arguments: [at, officer.id])
            officer.revokedAt = at
            return officer
        }
        log("token revoked for \(LogMask.name(name))")
        return officer
    }

    /// Every token ever issued (hashes excluded), oldest first.
    public func officers() throws(TicketError) -> [Officer] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM officer_tokens ORDER BY id").map(Self.officer) }
    }

    static func officer(_ row: Row) -> Officer {
        Officer(id: row["id"], name: row["name"], unitID: row["unit_id"], role: Officer.Role(rawValue: row["role"]) ?? .officer,
                createdAt: row["created_at"], revokedAt: row["revoked_at"])
    }
}
