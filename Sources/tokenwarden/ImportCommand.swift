import ArgumentParser
import Foundation
import TokenWarden

/// `tokenwarden import gitleaks [CONFIG]`
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn another scanner's settings into tokenwarden's.",
        subcommands: [Gitleaks.self]
    )

    struct Gitleaks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gitleaks",
            abstract: "Turn a gitleaks config (and .gitleaksignore) into a tokenwarden rule file, config and baseline.",
            discussion: """
                Rules become gitleaks.<id> rules (regexes read as PCRE2), allow lists become rule and config allow \
                lists, .gitleaksignore fingerprints become baseline entries where the finding is found again. \
                Everything that cannot be carried over is listed, one line each, on standard error. \
                Existing files are not overwritten without --force.
                """
        )

        @Argument(help: ArgumentHelp("The gitleaks config.", valueName: "config"))
        var source = ".gitleaks.toml"

        @Option(
            help: ArgumentHelp(
                "The .gitleaksignore to turn into a baseline (default: the one beside the config, if any).", valueName: "path"))
        var ignoreFile: String?

        @Option(help: ArgumentHelp("Where to write the rule file.", valueName: "path"))
        var rulesOutput = "gitleaks-rules.yaml"

        @Option(help: ArgumentHelp("Where to write the config (it names the rule file and the baseline).", valueName: "path"))
        var configOutput = Config.defaultPath

        @Option(help: ArgumentHelp("Where to write the baseline made from the ignore file.", valueName: "path"))
        var baselineOutput = "gitleaks-baseline.yaml"

        @Flag(help: "Replace files that exist already.")
        var force = false

        func run() throws {
            let config = try GitleaksConfig(reading: source)
            let builtIn = try RuleLoader.builtIn(examples: false)
            var imported = try GitleaksImport(config, origin: source, builtInIDs: Set(builtIn.flatMap { [$0.id] + $0.aliases }))
            var outputs = [(rulesOutput, try imported.rulesYAML(source: source))]
            let sourceDirectory = (source as NSString).deletingLastPathComponent
            let ignorePath = ignoreFile ?? [sourceDirectory, ".gitleaksignore"].filter { !$0.isEmpty }.joined(separator: "/")
            var baselineFile: String?
            if ignoreFile != nil || FileManager.default.fileExists(atPath: ignorePath) {
                let ignore = try GitleaksIgnore(reading: ignorePath)
                // An ignore entry names gitleaks' rule id: an imported rule's, or one tokenwarden has too.
                let rules = Dictionary(builtIn.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }).merging(imported.rulesByGitleaksID) {
                    $1
                }
                let repository = (ignorePath as NSString).deletingLastPathComponent
                let (baseline, notes) = ignore.baseline(
                    rules: rules, repository: repository.isEmpty ? "." : repository, fingerprintKey: try FingerprintKey.resolve(file: nil))
                imported.notes += notes
                if !baseline.entries.isEmpty {
                    outputs.append((baselineOutput, try baseline.yaml()))
                    baselineFile = Self.relative(baselineOutput, from: configOutput)
                }
            }
            outputs.append(
                (
                    configOutput,
                    try imported.configYAML(rulesFile: Self.relative(rulesOutput, from: configOutput), baselineFile: baselineFile)
                ))
            // Nothing is written unless everything can be.
            if !force, let existing = outputs.first(where: { FileManager.default.fileExists(atPath: $0.0) }) {
                throw InputError("\(existing.0) exists already (--force replaces it)")
            }
            for (path, text) in outputs { try AtomicFile.write(text, to: path) }
            // "not imported: …" lines are what a user must carry over by hand; the rest are differences to know.
            for note in imported.notes { Terminal.error("tokenwarden: \(note.hasPrefix("not imported") ? "" : "note: ")\(note)") }
            Terminal.error(
                "tokenwarden: imported \(imported.rules.count) of \(config.rules.count) rules into \(rulesOutput); wrote \(outputs.map(\.0).joined(separator: ", "))"
            )
        }

        /// `path` as the config at `config` names it: relative to the config's directory when both are relative.
        static func relative(_ path: String, from config: String) -> String {
            let directory = (config as NSString).deletingLastPathComponent
            if path.hasPrefix("/") { return path }
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            let base = URL(fileURLWithPath: directory.isEmpty ? "." : directory).standardizedFileURL.path
            return absolute.hasPrefix(base + "/") ? String(absolute.dropFirst(base.count + 1)) : absolute
        }
    }
}
