/// Adds the token store's verdicts to findings: a registered token is `leaked`, with its owner,
/// scopes, excess scopes and expiry; anything else is `unregistered`. Whether it blocks is the
/// blocking policy's to say.
public struct Enrichment: Sendable {
    public let store: TokenStore
    public let index: StoreIndex
    public let today: Day
    /// service -> remediation text, from the rules, for findings of registered tokens no rule matched.
    let remediations: [String: String]

    public init(store: TokenStore, index: StoreIndex, rules: [Rule], today: Day = .today) {
        self.store = store
        self.index = index
        self.today = today
        var remediations: [String: String] = [:]
        for rule in rules { if let r = rule.remediation, remediations[rule.service] == nil { remediations[rule.service] = r } }
        self.remediations = remediations
    }

    public func apply(to result: inout ScanResult) {
        // Identify each finding's token first, then one pass over the store for the few found.
        let ids = result.findings.map { $0.match.registeredToken ?? index.identify($0.match.secret) }
        let found = Set(ids.compactMap { $0 })
        var tokens: [String: StoredToken] = [:]
        if !found.isEmpty {
            for token in store.tokens where found.contains(token.id) && tokens[token.id] == nil { tokens[token.id] = token }
        }
        for i in result.findings.indices { apply(to: &result.findings[i], token: ids[i].flatMap { tokens[$0] }) }
    }

    private func apply(to finding: inout Finding, token: StoredToken?) {
        guard let token else {
            finding.verdict.status = .unregistered
            return
        }
        let audit = store.policy.audit(token, today: today)
        finding.verdict.status = .leaked
        finding.verdict.store = StoreVerdict(
            tokenID: token.id, owner: token.owner, scopes: token.scopes, overScoped: audit.overScoped,
            excessScopes: audit.excessScopes, expiry: audit.expiry)
        if finding.match.registeredToken != nil {
            finding.about.service = token.service
            if let specific = remediations[token.service] { finding.about.remediation = specific }
        }
    }
}
