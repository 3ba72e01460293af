/// Whether a secret's built-in checksum holds.
public enum ChecksumStatus: String, Codable, Sendable {
    case valid, invalid
}

/// One reported secret. Plain data: enrichment fills verdicts, reporters only format.
public struct Finding: Codable, Hashable, Sendable {
    public var rule: String
    public var service: String
    public var description: String
    public var path: String
    public var line: Int
    /// 1-based byte column of the secret's first byte in its line.
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// The raw secret: only filled with `--show-secrets`.
    public var secret: String?
    public var redacted: String
    /// Lower-case hex: keyed HMAC of the secret, or (no key) its SHA-256 if it is too strong to
    /// guess, else a hash of its context; `fingerprintKind` says which (see `FindingFingerprint`).
    public var fingerprint: String
    public var length: Int
    public var entropy: Double
    public var confidence: Confidence
    public var checksum: ChecksumStatus?
    public var blocking: Bool
    public var commit: String?
    public var author: String?
    public var email: String?
    public var date: String?
    public var blob: String?
    /// For history findings: how far back the commit is in the scanned log (0 = newest).
    public var commitIndex: Int?
    /// What to do about it: where to revoke and re-issue (from the rule).
    public var remediation: String?

    // Token-store verdicts (present when a store is configured).
    /// `leaked` (a registered token) or `unregistered`.
    public var status: String?
    public var tokenID: String?
    public var owner: String?
    public var scopes: [String]?
    public var overScoped: Bool?
    public var excessScopes: [String]?
    public var expiry: ExpiryVerdict?
    public var fingerprintKind: FingerprintKind? = nil
    /// SHA-256 of the secret, in memory only (never encoded): tells two secrets apart where a
    /// context fingerprint cannot, e.g. when history findings collapse.
    var identity: String? = nil

    /// Moves the finding to where its blob was introduced.
    mutating func attribute(to provenance: Provenance) {
        path = provenance.path
        commit = provenance.commit
        author = provenance.author
        email = provenance.email
        date = provenance.date
        commitIndex = provenance.commitIndex
    }

    enum CodingKeys: String, CodingKey {
        case rule, service, description, path, line, column
        case endLine = "end_line", endColumn = "end_column"
        case secret, redacted, fingerprint, length, entropy, confidence, checksum, blocking
        case commit, author, email, date, blob, commitIndex = "commit_index", remediation, status
        case tokenID = "token_id", owner, scopes, overScoped = "over_scoped", excessScopes = "excess_scopes", expiry
        case fingerprintKind = "fingerprint_kind"
    }
}
