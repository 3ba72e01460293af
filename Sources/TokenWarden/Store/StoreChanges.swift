/// The changes `store add`, `rotate` and `remove` make, as values: run them inside
/// `TokenStore.update(path:creating:_:)` so that they read and write under the store's lock.
/// Errors never repeat an id the store does not hold: that may be a token pasted by mistake.
extension TokenStore {
    /// The fingerprint to store for `secret`: HMAC-SHA-256 under `key` when there is one, else SHA-256.
    public static func fingerprint(of secret: [UInt8], key: [UInt8]?) -> StoredFingerprint {
        StoredFingerprint.of(secret, algorithm: key == nil ? .sha256 : .hmacSHA256, key: key)!
    }

    /// Adds `entry`, the record of `secret`: its id must be new, and the token not registered under another id.
    public mutating func register(_ entry: StoredToken, secret: [UInt8], key: [UInt8]?) throws {
        if token(id: entry.id) != nil {
            throw InputError("a token with id '\(entry.id)' is already registered (use `store rotate`)")
        }
        // One fingerprint per algorithm, not one per stored token.
        let sha256 = StoredFingerprint.of(secret, algorithm: .sha256, key: nil)
        let hmac = StoredFingerprint.of(secret, algorithm: .hmacSHA256, key: key)
        if let other = tokens.first(where: { $0.fingerprint == sha256 || $0.fingerprint == hmac }) {
            throw InputError("this token is already registered as '\(other.id)'")
        }
        tokens.append(entry)
    }

    /// Replaces the fingerprint of token `id` with that of `secret` (its new value), keeping its
    /// metadata; `created` becomes `today`, and `expires`, when given, replaces the expiry.
    public mutating func rotate(id: String, to secret: [UInt8], key: [UInt8]?, expires: Expiry?, today: Day = .today) throws {
        guard let index = tokens.firstIndex(where: { $0.id == id }) else { throw TokenStore.unknownID(id) }
        let fingerprint = TokenStore.fingerprint(of: secret, key: key)
        if fingerprint == tokens[index].fingerprint { throw InputError("that is the token already registered as '\(id)': nothing rotated") }
        tokens[index].fingerprint = fingerprint
        tokens[index].length = secret.count
        tokens[index].charset = TokenCharset.of(secret) ?? .printable
        tokens[index].created = today
        if let expires { tokens[index].expires = expires.day }
    }

    /// Removes token `id`.
    public mutating func remove(id: String) throws {
        guard let index = tokens.firstIndex(where: { $0.id == id }) else { throw TokenStore.unknownID(id) }
        tokens.remove(at: index)
    }

    private static func unknownID(_ id: String) -> InputError {
        InputError("no token has the id given (\(id.count) characters; `tokenwarden store list` shows the ids)")
    }
}

/// An expiry as the user gives it: a day, or `never`.
public enum Expiry: Equatable, Sendable {
    case never
    case on(Day)

    /// `2026-12-31` or `never`.
    public init?(parsing text: String) {
        if text == "never" {
            self = .never
        } else if let day = Day(parsing: text) {
            self = .on(day)
        } else {
            return nil
        }
    }

    /// The day, nil for never (as `StoredToken.expires` has it).
    public var day: Day? {
        if case .on(let day) = self { return day }
        return nil
    }
}
