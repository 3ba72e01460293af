/// Whether a secret's built-in checksum holds.
public enum ChecksumStatus: String, Codable, Sendable {
    case valid, invalid
}

/// Where a secret sits in its blob: 1-based lines, 1-based byte columns of its first and last byte,
/// and the same columns in UTF-16 code units, which SARIF viewers and GitHub annotations count
/// (a CJK character is three bytes but one unit). The UTF-16 end is exclusive, one past the
/// secret's last unit, as SARIF's `endColumn` is; nil where only byte columns are known (an old report).
public struct SourceSpan: Hashable, Sendable {
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    public var utf16Column: Int?
    public var utf16EndColumn: Int?

    public init(line: Int, column: Int, endLine: Int, endColumn: Int, utf16Column: Int? = nil, utf16EndColumn: Int? = nil) {
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.utf16Column = utf16Column
        self.utf16EndColumn = utf16EndColumn
    }

    /// The UTF-16 start column, else the byte column (the same on ASCII lines).
    public var characterColumn: Int { utf16Column ?? column }
    /// The exclusive UTF-16 end column, else one past the last byte's column.
    public var characterEndColumn: Int { utf16EndColumn ?? endColumn + 1 }
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
    /// For a catch-all match: the disabled rule (`disabled_rules`) that matched the same bytes. The
    /// finding is then low confidence and says so, so disabling a rule does not bring its secrets
    /// back as blocking catch-all findings.
    public var disabledRule: String?

    public init(
        rule: String, span: SourceSpan, secret: [UInt8], entropy: Double, checksum: ChecksumStatus? = nil,
        keyProtection: KeyProtection? = nil, registeredToken: String? = nil, publicPrefix: Int = 0, context: [UInt8] = [],
        sample: Bool = false, lowIn: Set<LowConfidenceContext> = [], label: String? = nil, disabledRule: String? = nil
    ) {
        self.label = label
        self.disabledRule = disabledRule
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
