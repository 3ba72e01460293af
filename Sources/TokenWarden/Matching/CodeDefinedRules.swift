/// Rules that no rule file holds, because code finds their secrets: keystores by their magic bytes,
/// registered tokens by their fingerprint. Findings name them like any rule, so `rules list` and
/// docs/RULES.md list them too.
public enum CodeDefinedRules {
    public static let all: [Rule] = [Matcher.registeredTokenRule] + KeystoreDetector.rules
}
