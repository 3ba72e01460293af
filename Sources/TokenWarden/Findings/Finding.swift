/// The facts a finding takes from its rule (or, for a registered token, from the store).
public struct RuleFacts: Hashable, Sendable {
    public var kind: SecretKind
    public var service: String
    public var description: String
    /// What to do about it: where to revoke and re-issue.
    public var remediation: String?

    public init(kind: SecretKind = .token, service: String, description: String, remediation: String? = nil) {
        self.kind = kind
        self.service = service
        self.description = description
        self.remediation = remediation
    }
}

/// What reports may show of the secret: never the secret itself unless the user asked.
public struct PublishedSecret: Hashable, Sendable {
    /// The raw secret: only with `--show-secrets`.
    public var shown: String?
    public var redacted: String
    /// Lower-case hex: keyed HMAC of the secret, or (no key) its SHA-256 if it is too strong to
    /// guess, else a hash of its context; `kind` says which (see `FindingFingerprint`).
    public var fingerprint: String
    public var kind: FingerprintKind?
    public var length: Int
    /// Tracks the finding's line in code scanning without hashing the secret (see `LineHash`).
    public var lineHash: String?

    public init(
        shown: String? = nil, redacted: String, fingerprint: String, kind: FingerprintKind? = nil, length: Int, lineHash: String? = nil
    ) {
        self.lineHash = lineHash
        self.shown = shown
        self.redacted = redacted
        self.fingerprint = fingerprint
        self.kind = kind
        self.length = length
    }
}

/// One reported secret: the matcher's `Match`, the `Provenance` of its blob, what may be
/// published of it, and the `Verdict` of the stages after matching. Each stage owns its part;
/// reporters read through the flat accessors below, which are also the JSON schema.
public struct Finding: Hashable, Sendable {
    public var match: Match
    public var provenance: Provenance
    public var about: RuleFacts
    public var published: PublishedSecret
    public var verdict: Verdict
    /// Only with `scan --verify`: the text and secrets next to this one, for its live check.
    public var neighbourhood: Neighbourhood?

    public init(match: Match, provenance: Provenance, about: RuleFacts, published: PublishedSecret, verdict: Verdict) {
        self.match = match
        self.provenance = provenance
        self.about = about
        self.published = published
        self.verdict = verdict
    }

    // The flat view reporters and the JSON schema use.
    public var rule: String { match.rule }
    public var kind: SecretKind { about.kind }
    public var service: String { about.service }
    public var description: String { about.description }
    public var remediation: String? { about.remediation }
    public var path: String { provenance.path }
    /// How the secret was decoded before it matched, outermost first (`base64`, `base64>hex`);
    /// nil when it matched the bytes as stored. The span is then the encoded run's.
    public var decoded: String? { provenance.decoding }
    public var line: Int { match.span.line }
    public var column: Int { match.span.column }
    public var endLine: Int { match.span.endLine }
    public var endColumn: Int { match.span.endColumn }
    public var entropy: Double { match.entropy }
    public var checksum: ChecksumStatus? { match.checksum }
    public var keyProtection: KeyProtection? { match.keyProtection }
    public var secret: String? { published.shown }
    public var redacted: String { published.redacted }
    public var fingerprint: String { published.fingerprint }
    public var fingerprintKind: FingerprintKind? { published.kind }
    public var lineHash: String? { published.lineHash }
    public var span: SourceSpan { match.span }
    /// For a catch-all finding: the disabled rule that matched the same secret.
    public var disabledRule: String? { match.disabledRule }
    public var length: Int { published.length }
    public var confidence: Confidence { verdict.confidence }
    public var blocking: Bool { verdict.blocking }
    public var status: FindingStatus? { verdict.status }
    public var tokenID: String? { verdict.store?.tokenID }
    public var owner: String? { verdict.store?.owner }
    /// The scopes a valid secret's service reported live (what it can do now), else the store's.
    public var scopes: [String]? { validLive?.facts?.scopes ?? verdict.store?.scopes }
    /// Whether `scopes` are what the service reported (a valid secret), not the store's declaration.
    public var scopesAreLive: Bool { validLive?.facts?.scopes != nil }
    /// Judged from the live scopes when there are any (`LiveScopes`), else from the store's.
    public var overScoped: Bool? { validLive?.overScoped ?? verdict.store?.overScoped }
    public var excessScopes: [String]? { validLive?.excessScopes ?? verdict.store?.excessScopes }
    /// With `--verify`: what the service said of the secret.
    public var verification: VerificationStatus? { verdict.live?.status }
    public var verificationReason: String? { verdict.live?.reason }
    public var verifiedIdentity: String? { validLive?.facts?.identity }
    /// The host the secret was sent to (or, with `--dry-run`, would be).
    public var verifiedHost: String? { verdict.live?.host }
    private var validLive: LiveVerdict? { verdict.live?.status == .valid ? verdict.live : nil }
    public var expiry: ExpiryVerdict? { verdict.store?.expiry }
    public var commit: String? { provenance.commit?.id }
    public var author: String? { provenance.commit?.author }
    public var email: String? { provenance.commit?.email }
    public var date: String? { provenance.commit?.date }
    /// The git blob id, for history findings.
    public var blob: String? { provenance.historyBlob }
    /// `--all-objects`: the secret is in an object no ref or reflog reaches.
    public var isUnreachable: Bool { provenance.root.isUnreachable }
    /// For history findings: how far back the commit is in the scanned log (0 = newest).
    public var commitIndex: Int? { provenance.commit?.index }

    /// SHA-256 of the secret, in memory only (never encoded): tells two secrets apart where a
    /// context fingerprint cannot, e.g. when history findings collapse.
    var identity: String? { match.secret.isEmpty ? nil : Fingerprint.sha256Hex(match.secret) }
}
