import Foundation

// Pieces the checks share: reading a JSON answer, the usual status meanings, instance URLs in the
// text next to a secret. Checks stay pure values: nothing here sends or reads the environment.
enum CheckSupport {
    /// The body as a JSON object, or nil.
    static func object(_ body: [UInt8]) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    /// The body as a JSON array, or nil.
    static func array(_ body: [UInt8]) -> [Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [Any]
    }

    /// A JSON value as identity text (a string, or a number such as a user id).
    static func text(_ value: Any?) -> String? {
        switch value {
        case let s as String: s.isEmpty ? nil : s
        case let n as NSNumber: n.stringValue
        default: nil
        }
    }

    /// The meaning most APIs give 401 and 403, and anything else not 2xx.
    static func rejected(_ response: HTTPResponse) -> VerificationOutcome {
        switch response.status {
        case 401: VerificationOutcome(.invalid, "HTTP 401")
        case 403: VerificationOutcome(.unknown, "HTTP 403: refused, which does not tell whether the secret is live")
        case 404: VerificationOutcome(.unknown, "HTTP 404: the endpoint is not there (an old or another server?)")
        default: VerificationOutcome(.unknown, "HTTP \(response.status)")
        }
    }

    /// `url` with `path` (and query items) on `host`.
    static func url(_ host: ServiceHost, _ path: String, query: [URLQueryItem] = []) -> URL {
        var c = URLComponents(url: host.base, resolvingAgainstBaseURL: false)!
        c.path = path
        if !query.isEmpty {
            c.queryItems = query
            // `+` in a token must stay a literal plus, not a space.
            c.percentEncodedQuery = c.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        }
        return c.url!
    }

    /// The https instance bases named in `context`: values of the `names` (`B2SHARE_URL=…`,
    /// `domain="…"`), then any https URL whose host contains one of `hostWords`. First found first.
    static func instances(in context: [UInt8], names: [String], hostWords: [String]) -> [URL] {
        let text = String(decoding: context, as: UTF8.self)
        var found: [URL] = []
        func add(_ candidate: Substring) {
            let trimmed = candidate.trimmingCharacters(in: CharacterSet(charactersIn: "\"' \t,;)"))
            if let base = InstanceURL.base(trimmed, allowPath: true), !found.contains(base) { found.append(base) }
        }
        for line in text.split(whereSeparator: \.isNewline) {
            for name in names {
                guard let r = line.range(of: name, options: .caseInsensitive) else { continue }
                let rest = line[r.upperBound...].drop { " \t\"':=".contains($0) }
                add(rest.prefix { !" \t\"'".contains($0) })
            }
        }
        for word in text.split(whereSeparator: { " \t\n\r\"'<>()[]{},;`".contains($0) }) {
            guard let start = word.range(of: "https://", options: .caseInsensitive) else { continue }
            let url = word[start.lowerBound...]
            let host = URLComponents(string: String(url))?.host?.lowercased() ?? ""
            if hostWords.contains(where: host.contains) { add(url) }
        }
        return found
    }
}
