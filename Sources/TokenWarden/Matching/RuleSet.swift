/// Rules ready to match: one keyword automaton over every rule's keywords,
/// and each rule's PCRE2 pattern compiled lazily the first time its keyword occurs.
public final class RuleSet: Sendable {
    public let rules: [Rule]
    let automaton: KeywordAutomaton
    /// keyword index -> rules that list it.
    let rulesByKeyword: [[Int]]
    let patterns: [LazyPattern]
    let pathPatterns: [LazyPattern?]
    /// Rules with no keywords, triggered by their `path` alone.
    let pathOnlyRules: [Int]
    let checksums: [Checksum?]
    let keyChecks: [KeyCheck?]
    let publicPrefixes: [PublicPrefix]
    /// Each rule's own allow lists (most rules have none).
    let allowChecks: [[RuleAllowCheck]]
    let ruleIDs: RuleIDs

    public init(_ rules: [Rule]) {
        self.rules = rules
        var keywordIndex: [String: Int] = [:]
        var byKeyword: [[Int]] = []
        for (r, rule) in rules.enumerated() {
            for kw in Set(rule.keywords.map { $0.lowercased() }) {
                let k =
                    keywordIndex[kw]
                    ?? {
                        keywordIndex[kw] = byKeyword.count; byKeyword.append([]); return byKeyword.count - 1
                    }()
                byKeyword[k].append(r)
            }
        }
        let keywords = keywordIndex.sorted { $0.value < $1.value }.map(\.key)
        automaton = KeywordAutomaton(keywords: keywords)
        rulesByKeyword = byKeyword
        patterns = rules.map { LazyPattern($0.regex) }
        pathPatterns = rules.map { $0.path.map(LazyPattern.init) }
        pathOnlyRules = rules.indices.filter { rules[$0].keywords.isEmpty }
        checksums = rules.map { $0.checksum.flatMap(Checksum.init(named:)) }
        keyChecks = rules.map { $0.keyCheck.flatMap(KeyCheck.init(named:)) }
        publicPrefixes = rules.map(PublicPrefix.init(rule:))
        allowChecks = rules.map { $0.allowLists.map(RuleAllowCheck.init) }
        ruleIDs = RuleIDs(rules)
    }

    /// Compiles every pattern now (for `rules check`), returning the rules that fail.
    public func compileAll() -> [(rule: Rule, error: String)] {
        var failures: [(Rule, String)] = []
        for (i, rule) in rules.enumerated() {
            if case .failure(let e) = patterns[i].get() { failures.append((rule, "regex: \(e)")) }
            if case .failure(let e)? = pathPatterns[i]?.get() { failures.append((rule, "path: \(e)")) }
            failures += allowChecks[i].flatMap(\.failures).map { (rule, $0) }
        }
        return failures
    }
}
