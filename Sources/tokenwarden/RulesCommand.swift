import ArgumentParser
import Foundation
import TokenWarden

/// `tokenwarden rules list|check`
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, or check that every rule compiles and passes its examples.",
        subcommands: [List.self, Check.self]
    )

    struct List: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

        static let configuration = CommandConfiguration(
            abstract: "List the rules in use.",
            discussion: "--format markdown writes the rule reference (docs/RULES.md is this output for the built-in rules)."
        )
        @Option(help: "Output format: text or markdown.") var format: Format = .text
        @OptionGroup var ruleOptions: RuleOptions

        func run() throws {
            let loaded = try ruleOptions.loadRules(examples: false)
            let codeDefined = ruleOptions.noBuiltinRules ? [] : CodeDefinedRules.all
            if format == .markdown {
                try StandardStream.standardOutput.write(RuleCatalog.markdown(loaded, codeDefined: codeDefined))
                return
            }
            let rules = loaded + codeDefined
            let width = rules.map(\.id.count).max() ?? 0
            var out = ""
            for rule in rules {
                let pad = String(repeating: " ", count: width - rule.id.count)
                out += "\(rule.id)\(pad)  \(rule.service)  \(rule.confidence.rawValue)  \(rule.description)\n"
            }
            try StandardStream.standardOutput.write(out)
            Terminal.error("\(rules.count) rules")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile every rule and run its examples and negative examples.",
            discussion: "With DIR, checks the rule files there; otherwise the built-in rules (and any --rules). Exit 1 when a rule fails."
        )
        @Argument(help: "A rule file or directory to check instead of the built-in rules.")
        var directory: String?
        @OptionGroup var ruleOptions: RuleOptions

        func run() throws {
            var rules: [Rule]
            if let directory {
                rules = try RuleLoader.load(path: directory)
                try RuleLoader.checkUniqueIDs(rules)
            } else {
                rules = try ruleOptions.loadRules()
            }
            let (failures, examples) = RuleCheck.run(rules)
            for failure in failures {
                Terminal.error("FAIL \(failure)")
            }
            let status = failures.isEmpty ? "ok" : "\(failures.count) failure\(failures.count == 1 ? "" : "s")"
            try StandardStream.standardOutput.write("\(status): \(rules.count) rules, \(examples) examples\n")
            if !failures.isEmpty { throw ExitCode(1) }
        }
    }
}
