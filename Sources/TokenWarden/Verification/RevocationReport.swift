import Foundation

/// `revoke --report FILE`: the GitHub tokens of a scan's JSON or JSONL report. Reports hold secrets
/// only with `--show-secrets`, so a report without them is an error rather than nothing revoked.
public enum RevocationReport {
    public struct Picked: Sendable, Equatable {
        /// The secrets of findings of the rules the revocation API takes, in report order.
        public var tokens: [[UInt8]]
        /// Findings of other rules, left out (and counted for the user).
        public var others: Int
    }

    private struct Document: Decodable { var findings: [Item] }
    private struct Item: Decodable {
        var rule: String
        var secret: String?
    }

    public static func pick(_ data: Data, origin: String) throws -> Picked {
        let items: [Item]
        if let document = try? JSONDecoder().decode(Document.self, from: data) {
            items = document.findings
        } else {
            // JSONL: one finding a line.
            var lines: [Item] = []
            for (n, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
                guard let item = try? JSONDecoder().decode(Item.self, from: Data(line)) else {
                    throw InputError("\(origin):\(n + 1): not a tokenwarden JSON or JSONL report")
                }
                lines.append(item)
            }
            items = lines
        }
        let revocable = items.filter { GitHubRevocation.revocableRules.contains($0.rule) }
        let missing = revocable.filter { $0.secret == nil }.count
        guard missing == 0 else {
            throw InputError("\(origin): \(missing) GitHub findings have no secret: make the report with `scan --show-secrets`")
        }
        return Picked(tokens: revocable.compactMap { $0.secret.map { Array($0.utf8) } }, others: items.count - revocable.count)
    }
}
