import Foundation

/// Output of `store list`, `store audit` and `store check-env`: an aligned table or JSON.
public enum StoreReport {
    /// With `live` (one entry per audit, `store audit --live`), a LIVE column says what the service reported.
    public static func table(_ audits: [TokenAudit], verdicts: Bool, live: [LiveStoreAudit.Entry]? = nil) -> String {
        var rows: [[String]] = [
            ["ID", "SERVICE", "OWNER", "SCOPES", "EXPIRES", verdicts ? "VERDICT" : "STORED IN"] + (live == nil ? [] : ["LIVE"])
        ]
        for (i, a) in audits.enumerated() {
            let t = a.token
            let last: String
            if verdicts {
                last =
                    a.violations.isEmpty
                    ? "ok" : a.violations.map { ($0.isWarning ? "warning: " : "") + $0.message }.joined(separator: "; ")
            } else {
                last = t.storedIn.joined(separator: ",")
            }
            rows.append(
                [
                    t.id, t.service, t.owner, t.scopes.isEmpty ? "-" : t.scopes.joined(separator: ","), t.expires?.description ?? "never",
                    last,
                ] + (live.map { [liveCell($0[i])] } ?? []))
        }
        let widths = (0..<rows[0].count - 1).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in c < widths.count ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) : cell }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    struct TokenJSON: Codable {
        var id, service, owner, fingerprint, created, expires, charset: String
        var length: Int
        var scopes: [String]
        var needs: [String]?
        var refresh: String?
        var storedIn: [String]
        var note: String?
        var expiry: ExpiryVerdict?
        var overScoped: Bool?
        var excessScopes: [String]?
        var violations: [Violation]?
        var compliant: Bool?
        var live: LiveJSON?

        enum CodingKeys: String, CodingKey {
            case id, service, owner, fingerprint, created, expires, charset, length, scopes, needs, refresh
            case storedIn = "stored_in", note, expiry, overScoped = "over_scoped", excessScopes = "excess_scopes", violations, compliant
            case live
        }
    }

    /// With `live` (one entry per audit), each token gets a `live` object and `compliant` counts its problems too.
    public static func json(_ audits: [TokenAudit], includeVerdicts: Bool, live: [LiveStoreAudit.Entry]? = nil) throws -> String {
        let items = audits.enumerated().map { i, a in
            let t = a.token
            return TokenJSON(
                id: t.id, service: t.service, owner: t.owner, fingerprint: t.fingerprint.description,
                created: t.created.description, expires: t.expires?.description ?? "never", charset: t.charset.rawValue,
                length: t.length, scopes: t.scopes, needs: t.needs, refresh: t.refresh?.rawValue, storedIn: t.storedIn, note: t.note,
                expiry: includeVerdicts ? a.expiry : nil, overScoped: includeVerdicts ? a.overScoped : nil,
                excessScopes: includeVerdicts ? a.excessScopes : nil, violations: includeVerdicts ? a.violations : nil,
                compliant: includeVerdicts ? !a.failing && !(live?[i].failing ?? false) : nil, live: live.map { LiveJSON($0[i]) })
        }
        return try encode(["tokens": items])
    }

    public static func json(_ entries: [EnvironmentCheck.Entry]) throws -> String {
        try encode(["variables": entries])
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
