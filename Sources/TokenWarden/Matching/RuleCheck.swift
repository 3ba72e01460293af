/// A rule that fails its own examples, or whose pattern does not compile.
public struct RuleCheckFailure: CustomStringConvertible, Sendable {
    public var rule: String
    public var origin: String
    public var message: String
    public var description: String { "\(origin): rule \(rule): \(message)" }
}

/// Runs every rule's examples: positives must be reported (with the stated secret and key
/// protection, and a checksum that holds), negatives must not be. Positives are also scanned with all rules together, so a
/// rule that another rule shadows is caught too. Failures name examples by their 1-based position
/// (`#2`) in the rule's `examples` or `negative_examples` list.
public enum RuleCheck {
    public static func run(_ rules: [Rule]) -> (failures: [RuleCheckFailure], examples: Int) {
        var failures: [RuleCheckFailure] = []
        var count = 0
        let all = Matcher(ruleSet: RuleSet(rules), options: MatchOptions())
        for rule in rules {
            func fail(_ message: String) { failures.append(RuleCheckFailure(rule: rule.id, origin: rule.origin, message: message)) }
            let alone = RuleSet([rule])
            let compileErrors = alone.compileAll()
            if !compileErrors.isEmpty {
                compileErrors.forEach { fail($0.error) }
                continue
            }
            if rule.examples.isEmpty { fail("has no examples") }
            if rule.negativeExamples.isEmpty { fail("has no negative_examples") }
            let matcher = Matcher(ruleSet: alone, options: MatchOptions())
            let prefix = PublicPrefix(rule: rule)
            for (n, example) in rule.examples.enumerated() {
                count += 1
                let label = "#\(n + 1)" + (example.secret.map { " (secret \(redacted($0, prefix)))" } ?? "")
                let found = reported(by: rule, scanning: example, with: matcher)
                if found.isEmpty {
                    fail("example not reported: \(label)")
                } else if let secret = example.secret, !found.contains(where: { $0.secret == Array(secret.utf8) }) {
                    fail(
                        "example reported \(found.map { Redaction.redact($0.secret, publicPrefix: $0.publicPrefix) }) instead of its secret: \(label)"
                    )
                } else if let expected = example.keyProtection, !found.contains(where: { $0.keyProtection == expected }) {
                    let seen = found.map { $0.keyProtection?.rawValue ?? "unknown" }
                    fail("example's key protection is \(seen), not \(expected.rawValue): \(label)")
                } else if reported(by: rule, scanning: example, with: all).isEmpty {
                    let winners = scan(example, with: all).map(\.rule)
                    fail("example shadowed by \(winners) when all rules run: \(label)")
                }
            }
            for (n, example) in rule.negativeExamples.enumerated() {
                count += 1
                if let m = reported(by: rule, scanning: example, with: matcher).first {
                    fail("negative example reported: #\(n + 1) (secret \(Redaction.redact(m.secret, publicPrefix: m.publicPrefix)))")
                }
            }
        }
        return (failures, count)
    }

    /// Examples hold real-looking secrets, and a check runs in CI logs: name them by position and
    /// show them redacted, never in full.
    private static func redacted(_ secret: String, _ prefix: PublicPrefix) -> String {
        let bytes = Array(secret.utf8)
        return Redaction.redact(bytes, publicPrefix: prefix.length(in: bytes))
    }

    private static func scan(_ example: RuleExample, with matcher: Matcher) -> [Match] {
        Array(example.text.utf8).withUnsafeBytes { matcher.scan($0, path: example.path ?? "example.txt").matches }
    }

    /// Matches of `rule` whose checksum (if any) holds: a failing checksum means "never issued".
    private static func reported(by rule: Rule, scanning example: RuleExample, with matcher: Matcher) -> [Match] {
        scan(example, with: matcher).filter { $0.rule == rule.id && $0.checksum != .invalid }
    }
}
