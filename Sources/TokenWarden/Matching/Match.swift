/// Whether a secret's built-in checksum holds.
public enum ChecksumStatus: String, Codable, Sendable {
    case valid, invalid
}

/// Where a secret sits in its blob: 1-based lines, 1-based byte columns of its first and last byte.
public struct SourceSpan: Hashable, Sendable {
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int

    public init(line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }
}

/// A rule's hit in one blob, as the matcher reports it: which rule, where, the secret's bytes and
/// what the checks on them said. Knows nothing of files, git, the store or reports.
public struct Match: Hashable, Sendable {
    /// The rule's id (`registered-token` for a registered token found by its fingerprint alone).
    public var rule: String
    public var span: SourceSpan
    /// The secret itself, in memory only: reports show it only with `--show-secrets`. Empty for
    /// findings read back from a report.
    public var secret: [UInt8]
    public var entropy: Double
    public var checksum: ChecksumStatus?
    /// For a private key whose rule has a `key_check`: whether it needs a passphrase.
    public var keyProtection: KeyProtection?
    /// For a registered token found by the store's shapes alone: its id in the store.
    public var registeredToken: String?
    /// How many leading bytes are the format's public prefix (`ghp_`), which redaction may show.
    public var publicPrefix: Int
    /// The bytes before the secret on its line (at most `contextLength`), for context fingerprints.
    public var context: [UInt8]
    public static let contextLength = 128
    /// The rule's value filter took the credential for a sample (`myuser:mypass`, `secret123`):
    /// reported at low confidence.
    public var sample: Bool
    /// Contexts where this match is low confidence beyond its rule's `low_in`: a URL credential for
    /// `localhost` is a set-up example in comments, documentation and tests.
    public var lowIn: Set<LowConfidenceContext>
    /// For a binary secret (a keystore file): what reports show in its place, e.g. `PKCS#12 keystore (2.3 KiB)`.
    public var label: String?

    public init(
        rule: String, span: SourceSpan, secret: [UInt8], entropy: Double, checksum: ChecksumStatus? = nil,
        keyProtection: KeyProtection? = nil, registeredToken: String? = nil, publicPrefix: Int = 0, context: [UInt8] = [],
        sample: Bool = false, lowIn: Set<LowConfidenceContext> = [], label: String? = nil
    ) {
        self.label = label
        self.rule = rule
        self.span = span
        self.secret = secret
        self.entropy = entropy
        self.checksum = checksum
        self.keyProtection = keyProtection
        self.registeredToken = registeredToken
        self.publicPrefix = publicPrefix
        self.context = context
        self.sample = sample
        self.lowIn = lowIn
    }
}
