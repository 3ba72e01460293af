/// Adds the token store's verdicts to findings: a registered token is `leaked` (always blocking),
/// with its owner, scopes, excess scopes and expiry; anything else is `unregistered`.
public struct Enrichment: Sendable {
    public let store: TokenStore
    public let today: Day
    /// service -> remediation text, from the rules, for findings of registered tokens no rule matched.
    let remediations: [String: String]
    /// token id -> token: one lookup per finding, whatever the size of the store.
    private let tokensByID: [String: StoredToken]

    public init(store: TokenStore, rules: [Rule], today: Day = .today) {
        self.store = store
        self.today = today
        var remediations: [String: String] = [:]
        for rule in rules { if let r = rule.remediation, remediations[rule.service] == nil { remediations[rule.service] = r } }
        self.remediations = remediations
        tokensByID = Dictionary(store.tokens.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func apply(to result: inout ScanResult) {
        for i in result.findings.indices { apply(to: &result.findings[i]) }
        result.summary.blocking = result.findings.filter(\.blocking).count
    }

    public func apply(to finding: inout Finding) {
        guard let id = finding.tokenID, let token = tokensByID[id] else {
            finding.status = "unregistered"
            return
        }
        let audit = store.policy.audit(token, today: today)
        finding.status = "leaked"
        finding.owner = token.owner
        finding.scopes = token.scopes
        finding.overScoped = audit.overScoped
        finding.excessScopes = audit.excessScopes
        finding.expiry = audit.expiry
        finding.blocking = true
        if finding.rule == Matcher.registeredTokenRule.id, let specific = remediations[token.service] {
            finding.remediation = specific
        }
    }
}
