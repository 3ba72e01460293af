/// The live half of `store audit --live`: a LIVE table cell and a `live` JSON object per token.
/// Never the token: only the variable it was read from and what the service said.
extension StoreReport {
    static func liveCell(_ e: LiveStoreAudit.Entry) -> String {
        if let why = e.notChecked { return "not checked (\(why))" }
        guard let v = e.verdict else { return "would send to \(e.host?.base.absoluteString ?? "nowhere")" }
        var cell = v.status.rawValue
        if let identity = v.facts?.identity { cell += " as \(identity)" }
        if v.status != .valid { cell += " (\(v.reason))" }
        let problems = e.problems.filter { !$0.isError }.map(\.message)
        return problems.isEmpty ? cell + "; matches the store" : ([cell] + problems).joined(separator: "; ")
    }

    struct LiveJSON: Codable {
        struct Drift: Codable { var added, removed: [String] }
        var checked: Bool
        var notChecked: String?
        var variable: String?
        var host: String?
        var verification: VerificationStatus?
        var verificationReason, verifiedIdentity, verifiedHost, liveExpires: String?
        var liveScopes: [String]?
        var overScoped: Bool?
        var excessScopes: [String]?
        var scopeDrift: Drift?
        var problems: [LiveStoreAudit.Problem]

        enum CodingKeys: String, CodingKey {
            case checked, notChecked = "not_checked", variable, host, verification, verificationReason = "verification_reason"
            case verifiedIdentity = "verified_identity", verifiedHost = "verified_host", liveExpires = "live_expires"
            case liveScopes = "live_scopes", overScoped = "over_scoped", excessScopes = "excess_scopes", scopeDrift = "scope_drift",
                problems
        }

        init(_ e: LiveStoreAudit.Entry) {
            let v = e.verdict
            checked = v != nil && e.notChecked == nil
            notChecked = e.notChecked
            if case .environment(let name) = e.raw { variable = name }
            host = e.host?.base.absoluteString
            verification = v?.status
            verificationReason = v?.reason
            verifiedIdentity = v?.facts?.identity
            verifiedHost = v?.host
            liveExpires = v?.facts?.expires?.description
            liveScopes = v?.facts?.scopes
            overScoped = v?.overScoped
            excessScopes = v?.excessScopes
            scopeDrift = e.drift.map { Drift(added: $0.added, removed: $0.removed) }
            problems = e.problems
        }
    }
}
