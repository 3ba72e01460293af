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
        for i in result.findings.indices { apply(to: &result.findings[i]) }
    }

    public func apply(to finding: inout Finding) {
        let id = finding.match.registeredToken ?? index.identify(finding.match.secret)
        guard let id, let token = store.token(id: id) else {
            finding.verdict.status = .unregistered
            return
        }
        let audit = store.policy.audit(token, today: today)
        finding.verdict.status = .leaked
        finding.verdict.store = StoreVerdict(tokenID: id, owner: token.owner, scopes: token.scopes, overScoped: audit.overScoped,
                                             excessScopes: audit.excessScopes, expiry: audit.expiry)
        if finding.match.registeredToken != nil {
            finding.about.service = token.service
            if let specific = remediations[token.service] { finding.about.remediation = specific }
        }
    }
}
