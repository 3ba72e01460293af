import Foundation

/// A self-hosted instance named next to a token: `GITLAB_URL=https://gitlab.example.org`,
/// `CI_SERVER_URL: https://…`. Only the https origin (scheme, host, port) is kept; the verifier
/// decides whether a host found this way may see the secret (`--verify --dry-run` lists it).
enum ContextURL {
    /// The origin after the first of `keys` (case-insensitive) followed by `=`, `:` or `"…":`, or nil.
    static func origin(after keys: [String], in context: [UInt8]) -> URL? {
        let text = String(decoding: context, as: UTF8.self)
        let lower = text.lowercased()
        for key in keys {
            var from = lower.startIndex
            while let hit = lower.range(of: key.lowercased(), range: from..<lower.endIndex) {
                from = hit.upperBound
                let rest = text[hit.upperBound...].drop { " \t\"':=".contains($0) }
                guard rest.hasPrefix("https://") else { continue }
                let authority = rest.dropFirst("https://".count).prefix { $0.isLetter || $0.isNumber || "-.:".contains($0) }
                guard !authority.isEmpty, let url = URL(string: "https://\(authority)"), url.host != nil else { continue }
                return url
            }
        }
        return nil
    }
}
