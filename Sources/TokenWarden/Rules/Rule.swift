/// How sure a rule is that a match is a live secret.
public enum Confidence: String, Codable, Comparable, CaseIterable, Sendable {
    case low, medium, high

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    public static func < (a: Confidence, b: Confidence) -> Bool { a.rank < b.rank }

    /// A match's confidence from its rule's, before the path is considered: low for a failing
    /// checksum (never issued), at most medium for a passphrase-protected key.
    public static func of(_ rule: Rule, checksum: ChecksumStatus?, keyProtection: KeyProtection?) -> Confidence {
        if checksum == .invalid { return .low }
        if keyProtection == .passphrase { return min(rule.confidence, .medium) }
        return rule.confidence
    }
}

/// A minimum Shannon entropy (bits per byte) a candidate must reach: one number for every
/// candidate, or one per character class, since hex strings cannot reach base64's entropy.
public struct EntropyThreshold: Equatable, Sendable {
    public var hex: Double
    public var alphanumeric: Double
    public var base64: Double

    public init(all value: Double) {
        self.init(hex: value, alphanumeric: value, base64: value)
    }

    public init(hex: Double, alphanumeric: Double, base64: Double) {
        self.hex = hex
        self.alphanumeric = alphanumeric
        self.base64 = base64
    }

    /// The threshold that applies to `candidate`, by the narrowest character class it fits.
    public func minimum(for candidate: UnsafeRawBufferPointer) -> Double {
        switch CharacterClass.of(candidate) {
        case .hex: hex
        case .alphanumeric: alphanumeric
        case .other: base64
        }
    }
}

/// A rule's example: text the rule must (or must not) report, optionally under a file path
/// (for rules that look at the file name) and with the exact secret it must extract.
public struct RuleExample: Equatable, Sendable {
    public var text: String
    public var path: String?
    public var secret: String?
    /// For a rule with a `key_check`: the protection the check must find (`passphrase`, `none`).
    public var keyProtection: KeyProtection?

    public init(text: String, path: String? = nil, secret: String? = nil, keyProtection: KeyProtection? = nil) {
        self.text = text
        self.path = path
        self.secret = secret
        self.keyProtection = keyProtection
    }
}

/// One detection rule, as written in a `Rules/*.yaml` file.
public struct Rule: Equatable, Sendable {
    /// The default `window`: enough for one-line and short multi-line matches.
    public static let defaultWindow = 1024

    /// Stable identifier, e.g. `github-pat-classic`.
    public var id: String
    /// Former ids of a renamed rule, oldest first: baselines and allow comments written with them still apply.
    public var aliases: [String]
    /// The service that issued the token, e.g. `github`, `zenodo-sandbox`.
    public var service: String
    public var description: String
    /// Literal, case-insensitive strings of which at least one must occur before the regex runs.
    public var keywords: [String]
    /// PCRE2 pattern; the secret is the group named `secret`, else group 1, else the whole match.
    public var regex: String
    public var entropy: EntropyThreshold?
    /// Name of a checksum the secret carries (see `Checksum`).
    public var checksum: String?
    /// Name of a check that tells whether a private key is passphrase-protected (see `KeyCheck`).
    public var keyCheck: String?
    public var confidence: Confidence
    /// PCRE2 pattern on the file path; the rule runs only on matching paths.
    public var path: String?
    /// What sort of secret the rule finds; reports carry it as the finding's `kind`.
    public var kind: SecretKind
    /// A catch-all rule (e.g. generic `key = value`): loses to specific rules on the same span
    /// and gets the strict decoy filters.
    public var generic: Bool
    /// Extra decoy checks on the secret beyond the placeholder ones every rule gets (`value_filter:`).
    public var valueFilter: ValueFilter?
    /// Named in the config's `disabled_rules`: it still runs, but only so a catch-all match on the
    /// same span can say so (and not block) instead of reporting the secret as if nothing were disabled.
    public var disabled = false
    /// Where a finding of this rule is only low confidence (`low_in:`); catch-all rules default to docs.
    public var lowIn: Set<LowConfidenceContext>
    /// What to do when this secret leaks: where to revoke and re-issue it.
    public var remediation: String?
    /// https links to the service's own documentation of the token; the first is the rule's help link.
    public var references: [String]
    /// How far (bytes) a match may reach from a keyword occurrence. The regex runs only on the
    /// lines within this distance of each keyword hit; `nil` means the whole file.
    public var window: Int?
    /// How `scan --verify` checks a secret of this rule (`verify:`), when a live check exists.
    public var verify: RuleVerification?
    public var examples: [RuleExample]
    public var negativeExamples: [RuleExample]
    /// Where the rule was loaded from, for error messages.
    public var origin: String

    public init(
        id: String, aliases: [String] = [], service: String, description: String = "", keywords: [String], regex: String,
        entropy: EntropyThreshold? = nil, checksum: String? = nil, keyCheck: String? = nil,
        confidence: Confidence = .medium,
        path: String? = nil, kind: SecretKind? = nil, generic: Bool = false, valueFilter: ValueFilter? = nil,
        lowIn: Set<LowConfidenceContext>? = nil, remediation: String? = nil, references: [String] = [],
        window: Int? = Rule.defaultWindow, verify: RuleVerification? = nil,
        examples: [RuleExample] = [], negativeExamples: [RuleExample] = [], origin: String = "<code>"
    ) {
        self.id = id
        self.aliases = aliases
        self.service = service
        self.description = description
        self.keywords = keywords
        self.regex = regex
        self.entropy = entropy
        self.checksum = checksum
        self.keyCheck = keyCheck
        self.confidence = confidence
        self.path = path
        self.kind = kind ?? SecretKind.default(service: service)
        self.generic = generic
        self.valueFilter = valueFilter
        self.lowIn = lowIn ?? (generic ? [.docs] : [])
        self.remediation = remediation
        self.references = references
        self.window = window
        self.verify = verify
        self.examples = examples
        self.negativeExamples = negativeExamples
        self.origin = origin
    }

    /// The id context fingerprints hash: the rule's first id, so a rename keeps its fingerprints.
    public var fingerprintID: String { aliases.first ?? id }
}

/// The sorts of secret findings are: each has its own remediation and its own place in reports.
public enum SecretKind: String, Codable, Sendable, CaseIterable {
    /// An API key or access token issued by a service.
    case token
    /// A password or passphrase, found by the key it is assigned to.
    case password
    /// A password hash (htpasswd, /etc/shadow, crypt formats): crackable offline.
    case passwordHash = "password-hash"
    /// A private key (PEM, OpenSSH, PuTTY, age, WireGuard, PGP).
    case privateKey = "private-key"
    /// A keystore file (PKCS#12, JKS) holding keys.
    case keystore

    /// The kind of a rule that names none: private keys by their service, else a token.
    static func `default`(service: String) -> SecretKind { service == "private-key" ? .privateKey : .token }
}

/// Decoy checks a rule may ask for by name (`value_filter:`), for values found by the key they are
/// assigned to rather than by a format of their own. The word lists live in `Decoys`.
public enum ValueFilter: String, Codable, Sendable, CaseIterable {
    /// A password-like value: drops variable references, code, labels, type names, file paths,
    /// booleans and dummy words; flags sample credentials (`mypass`, `secret123`).
    case password
    /// The `user:password@host` of a URL: drops dummy passwords; flags sample credentials
    /// (`myuser:mypass`, dummy users on `localhost`).
    case url
}

/// Places where a rule's findings are reported at low confidence (not blocking by default).
public enum LowConfidenceContext: String, Codable, Sendable, CaseIterable {
    /// Documentation: `*.md`, `*.rst`, `*.adoc`, files under `docs/`.
    case docs
    /// Tests and fixtures: `test/`, `tests/`, `spec/`, `fixtures/`, `testdata/`, `*_test.go`, `test_*.py`, ….
    case tests
    /// A line whose text before the secret opens a comment (`#`, `//`, `/*`, `*`, `--`, `;`, `<!--`).
    case comments
    /// Translation catalogues: `i18n/`, `locales/`, `translations/` trees, `*.po`, `*.xliff`, `*.resx`, `*.strings`:
    /// a "password" there is a label in some language.
    case translations
}
