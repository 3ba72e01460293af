/// A rule's own allow list (`allow:` in a rule file; what `import gitleaks` makes of a gitleaks rule's
/// `[[rules.allowlists]]`). A match of the rule is dropped (counted as allow-listed) when any of its
/// lists allows it: with `condition: any` when one criterion holds, with `all` when every criterion
/// given holds. Each criterion holds when one of its entries does.
public struct RuleAllowList: Equatable, Sendable {
    public enum Condition: String, Sendable, CaseIterable {
        case any, all
    }

    public var condition: Condition
    /// PCRE2 patterns searched for in the secret.
    public var secrets: [String]
    /// PCRE2 patterns searched for in the whole match.
    public var matches: [String]
    /// PCRE2 patterns searched for in the line (or lines) the match is on.
    public var lines: [String]
    /// Words the secret contains (ASCII case-insensitive).
    public var stopwords: [String]
    /// PCRE2 patterns searched for in the file's path.
    public var paths: [String]

    public init(
        condition: Condition = .any, secrets: [String] = [], matches: [String] = [], lines: [String] = [], stopwords: [String] = [],
        paths: [String] = []
    ) {
        (self.condition, self.secrets, self.matches, self.lines, self.stopwords, self.paths) =
            (condition, secrets, matches, lines, stopwords, paths)
    }

    public var isEmpty: Bool { secrets.isEmpty && matches.isEmpty && lines.isEmpty && stopwords.isEmpty && paths.isEmpty }

    /// Every pattern, for compiling and for the settings digest.
    var patterns: [String] { secrets + matches + lines + paths }
}
