/// A rule that fails its own examples, or whose pattern does not compile.
public struct RuleCheckFailure: CustomStringConvertible, Sendable {
    public var rule: String
    public var origin: String
    public var message: String
    public var description: String { "\(origin): rule \(rule): \(message)" }
}

/// Runs every rule's examples: positives must be reported (with the stated secret, and a checksum
/// that holds), negatives must not be. Positives are also scanned with all rules together, so a
/// rule that another rule shadows is caught too.
public enum RuleCheck {
    public static func run(_ rules: [Rule]) -> (failures: [RuleCheckFailure], examples: Int) {
        var failures: [RuleCheckFailure] = []
        var count = 0
        let all = Matcher(ruleSet: RuleSet(rules), options: MatchOptions(showSecrets: true))
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
            let matcher = Matcher(ruleSet: alone, options: MatchOptions(showSecrets: true))
            for example in rule.examples {
                count += 1
                let found = reported(by: rule, scanning: example, with: matcher)
                if found.isEmpty {
                    fail("example not reported: \(example.text.debugDescription)")
                } else if let secret = example.secret, !found.contains(where: { $0.secret == secret }) {
                    fail("example reported \(found.compactMap(\.secret)), expected secret \(secret.debugDescription)")
                } else if reported(by: rule, scanning: example, with: all).isEmpty {
                    let winners = scan(example, with: all).map(\.rule)
                    fail("example shadowed by \(winners) when all rules run: \(example.text.debugDescription)")
                }
            }
            for example in rule.negativeExamples {
                count += 1
                if let f = reported(by: rule, scanning: example, with: matcher).first {
                    fail("negative example reported (secret \((f.secret ?? "").debugDescription)): \(example.text.debugDescription)")
                }
            }
        }
        return (failures, count)
    }

    private static func scan(_ example: RuleExample, with matcher: Matcher) -> [Finding] {
        matcher.scan(Blob(bytes: Array(example.text.utf8), provenance: Provenance(path: example.path ?? "example.txt"))).findings
    }

    /// Findings of `rule` whose checksum (if any) holds: a failing checksum means "never issued".
    private static func reported(by rule: Rule, scanning example: RuleExample, with matcher: Matcher) -> [Finding] {
        scan(example, with: matcher).filter { $0.rule == rule.id && $0.checksum != .invalid }
    }
}
