/// Adds the token store's verdicts to findings: a registered token is `leaked` (always blocking),
/// with its owner, scopes, excess scopes and expiry; anything else is `unregistered`.
public struct Enrichment: Sendable {
    public let store: TokenStore
    public let today: Day
    /// service -> remediation text, from the rules, for findings of registered tokens no rule matched.
    let remediations: [String: String]

    public init(store: TokenStore, rules: [Rule], today: Day = .today) {
        self.store = store
        self.today = today
        var remediations: [String: String] = [:]
        for rule in rules { if let r = rule.remediation, remediations[rule.service] == nil { remediations[rule.service] = r } }
        self.remediations = remediations
    }

    public func apply(to result: inout ScanResult) {
        // One pass over the store for the few tokens found, not one per finding.
        let found = Set(result.findings.compactMap(\.tokenID))
        var tokens: [String: StoredToken] = [:]
        if !found.isEmpty {
            for token in store.tokens where found.contains(token.id) && tokens[token.id] == nil { tokens[token.id] = token }
        }
        for i in result.findings.indices { apply(to: &result.findings[i], tokens: tokens) }
        result.summary.blocking = result.findings.filter(\.blocking).count
    }

    private func apply(to finding: inout Finding, tokens: [String: StoredToken]) {
        guard let id = finding.tokenID, let token = tokens[id] else {
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
