/// What the token store says of a finding's secret.
public enum FindingStatus: String, Codable, Sendable {
    /// A token the team registered: it has leaked.
    case leaked
    /// A secret the store does not know.
    case unregistered
}

/// The store's facts about a registered token a finding holds, and the policy's judgement of them.
public struct StoreVerdict: Hashable, Sendable {
    public var tokenID: String
    public var owner: String?
    public var scopes: [String]?
    public var overScoped: Bool?
    public var excessScopes: [String]?
    public var expiry: ExpiryVerdict?

    public init(
        tokenID: String, owner: String? = nil, scopes: [String]? = nil, overScoped: Bool? = nil,
        excessScopes: [String]? = nil, expiry: ExpiryVerdict? = nil
    ) {
        self.tokenID = tokenID
        self.owner = owner
        self.scopes = scopes
        self.overScoped = overScoped
        self.excessScopes = excessScopes
        self.expiry = expiry
    }
}

/// What the stages after matching concluded about a finding: its confidence (the rule's, lowered
/// by a failing checksum, a passphrase-protected key or a documentation path), the store's verdict, and whether it blocks —
/// which `BlockingPolicy` alone decides.
public struct Verdict: Hashable, Sendable {
    public var confidence: Confidence
    /// With a token store: leaked or unregistered.
    public var status: FindingStatus?
    /// For a leaked registered token: the store's facts.
    public var store: StoreVerdict?
    /// With `--verify`: what the service said of the secret (see `Verification/`).
    public var live: LiveVerdict?
    public var blocking: Bool

    public init(
        confidence: Confidence, status: FindingStatus? = nil, store: StoreVerdict? = nil, live: LiveVerdict? = nil, blocking: Bool = false
    ) {
        self.confidence = confidence
        self.status = status
        self.store = store
        self.live = live
        self.blocking = blocking
    }
}
