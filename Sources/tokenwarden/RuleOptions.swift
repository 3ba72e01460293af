import ArgumentParser
import TokenWarden

/// Where rules come from: the built-in set, plus rule files or directories the user adds.
struct RuleOptions: ParsableArguments {
    @Option(
        name: .customLong("rules"),
        help: ArgumentHelp("A rule file or directory of *.yaml rule files to add (repeatable).", valueName: "path"))
    var ruleFiles: [String] = []

    @Flag(help: "Do not load the built-in rules.")
    var noBuiltinRules = false

    /// `examples: false` for scans: the built-in rules' examples are only for `rules check`.
    func loadRules(examples: Bool = true) throws -> [Rule] {
        var rules = noBuiltinRules ? [] : try RuleLoader.builtIn(examples: examples)
        for path in ruleFiles { rules += try RuleLoader.load(path: path) }
        try RuleLoader.checkUniqueIDs(rules)
        return rules
    }
}
