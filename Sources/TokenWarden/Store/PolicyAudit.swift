/// How a token's expiry stands today.
public enum ExpiryVerdict: String, Codable, Sendable {
    case valid, expiringSoon = "expiring-soon", expired, never
}

/// A policy problem with one stored token.
public struct Violation: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case overScoped = "over-scoped", forbiddenScope = "forbidden-scope", fullAccess = "full-access"
        case expired, noExpiry = "no-expiry", autoRefresh = "auto-refresh-without-limit", tooOld = "too-old"
        case expiringSoon = "expiring-soon"
    }
    public var kind: Kind
    public var message: String
    /// Warnings (expiring soon) are reported but do not fail an audit.
    public var isWarning: Bool { kind == .expiringSoon }
}

/// The audit of one stored token against the policy.
public struct TokenAudit: Sendable {
    public var token: StoredToken
    public var expiry: ExpiryVerdict
    public var excessScopes: [String]
    public var violations: [Violation]

    public var overScoped: Bool { !excessScopes.isEmpty }
    public var failing: Bool { violations.contains { !$0.isWarning } }
}

extension Policy {
    public func audit(_ token: StoredToken, today: Day = .today) -> TokenAudit {
        var violations: [Violation] = []
        let scopes = auditScopes(service: token.service, scopes: token.scopes, needs: token.needs)
        let excess = scopes.excessScopes
        if !excess.isEmpty {
            var message = "over-scoped: \(excess.joined(separator: ", ")) beyond what it needs"
            if let needs = token.needs { message += " (\(needs.isEmpty ? "nothing" : needs.joined(separator: ", ")))" }
            violations.append(Violation(kind: .overScoped, message: message))
        }
        for scope in scopes.forbiddenScopes {
            violations.append(
                Violation(kind: .forbiddenScope, message: "scope \(scope) is forbidden for \(token.service) unless the job needs it"))
        }
        if scopes.fullAccess {
            violations.append(Violation(kind: .fullAccess, message: "no scope: the token has the full access of its user"))
        }
        if autoRefreshSlides.contains(token.service) && token.refresh == .auto && token.expires == nil {
            violations.append(Violation(kind: .autoRefresh, message: "auto-refresh with no hard limit never expires while it is used"))
        }
        let expiry: ExpiryVerdict
        if let expires = token.expires {
            if expires <= today {
                expiry = .expired
                violations.append(Violation(kind: .expired, message: "expired on \(expires)"))
            } else if expires.ordinal - today.ordinal <= warnExpiringDays {
                expiry = .expiringSoon
                violations.append(
                    Violation(kind: .expiringSoon, message: "expires on \(expires), in \(expires.ordinal - today.ordinal) days"))
            } else {
                expiry = .valid
            }
        } else {
            expiry = .never
            if requireExpiry { violations.append(Violation(kind: .noExpiry, message: "never expires; the policy requires an expiry")) }
        }
        if let maxAgeDays, today.ordinal - token.created.ordinal > maxAgeDays {
            violations.append(Violation(kind: .tooOld, message: "created \(token.created), older than \(maxAgeDays) days: rotate it"))
        }
        return TokenAudit(token: token, expiry: expiry, excessScopes: excess, violations: violations)
    }
}
