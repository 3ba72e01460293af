/// The scope half of the policy, shared by the store's audit (declared scopes) and live
/// verification (the scopes a service reports of a valid token), so both judge alike.
public struct ScopeAudit: Sendable, Equatable {
    /// Granted but not needed (when needs are declared), plus forbidden scopes not needed; in the order granted.
    public var excessScopes: [String]
    /// The granted scopes a forbidden pattern matches and no need justifies, sorted, each once.
    public var forbiddenScopes: [String]
    /// No scope on a service whose unscoped token has the full access of its user (Pydio Cells).
    public var fullAccess: Bool

    /// Over-scoped: excess scopes, or full access where no scope means everything.
    public var overScoped: Bool { !excessScopes.isEmpty || fullAccess }
}

extension Policy {
    /// Judges `scopes` of a `service` token against what its job `needs` (nil: not declared) and
    /// the forbidden scopes.
    public func auditScopes(service: String, scopes: [String], needs: [String]?) -> ScopeAudit {
        var excess: [String] = []
        if let needs { excess = scopes.filter { !needs.contains($0) } }
        let forbiddenMatches = (forbiddenScopes[service] ?? []).flatMap { pattern in
            scopes.filter { Policy.matches($0, pattern) && !(needs ?? []).contains($0) }
        }
        for scope in forbiddenMatches where !excess.contains(scope) { excess.append(scope) }
        return ScopeAudit(
            excessScopes: excess, forbiddenScopes: Array(Set(forbiddenMatches)).sorted(),
            fullAccess: fullAccessWhenUnscoped.contains(service) && scopes.isEmpty)
    }

    /// The over-scope verdict of a valid leaked secret from the scopes its service reported, with
    /// the store's policy: `needs` is the registered token's (nil for a token the store does not
    /// know, so only forbidden scopes and full access count).
    public func auditLive(service: String, scopes: [String], needs: [String]? = nil) -> ScopeAudit {
        auditScopes(service: service, scopes: scopes, needs: needs)
    }
}

extension LiveVerdict {
    /// Sets `overScoped`/`excessScopes` from the live scopes of a valid secret; leaves them nil
    /// when the secret is not valid or its service reported no scopes (nothing to judge).
    public mutating func judgeScopes(service: String, policy: Policy, needs: [String]? = nil) {
        guard status == .valid, let scopes = facts?.scopes else {
            overScoped = nil
            excessScopes = nil
            return
        }
        let audit = policy.auditLive(service: service, scopes: scopes, needs: needs)
        overScoped = audit.overScoped
        excessScopes = audit.excessScopes
    }
}

/// How a registered token's live scopes differ from the store's declared ones.
public struct ScopeDrift: Sendable, Equatable {
    /// Live but not declared: the token can do more than the store says.
    public var added: [String]
    /// Declared but not live: the store claims more than the token has (narrowed at the service).
    public var removed: [String]

    public init(declared: [String], live: [String]) {
        added = live.filter { !declared.contains($0) }.uniqued()
        removed = declared.filter { !live.contains($0) }.uniqued()
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty }
}

extension Array where Element: Hashable {
    fileprivate func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

/// Live scopes into a scan's findings: each valid secret whose service reported scopes is judged
/// by the policy, with the registered token's `needs` when the store knows it.
public enum LiveScopes {
    public static func apply(to result: inout ScanResult, policy: Policy, store: TokenStore?) {
        var needs: [String: [String]] = [:]
        for token in store?.tokens ?? [] { if let n = token.needs, needs[token.id] == nil { needs[token.id] = n } }
        for i in result.findings.indices where result.findings[i].verdict.live != nil {
            let f = result.findings[i]
            result.findings[i].verdict.live!.judgeScopes(service: f.service, policy: policy, needs: f.tokenID.flatMap { needs[$0] })
        }
    }
}
