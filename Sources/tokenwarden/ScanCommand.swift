import ArgumentParser
import Foundation
import TokenWarden

/// `tokenwarden scan [PATH...]`
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan files, directories, git work trees, staged changes, commit ranges or history for secrets.",
        discussion: """
            Without a mode flag, scans the named paths (default: the current directory; a git work tree \
            means its tracked and untracked-but-not-ignored files; - is standard input). With --staged, \
            --diff, --since or --history, PATH is the repository (default: the current directory).
            Exit status: 0 nothing blocking, 1 blocking findings, 2 error or incomplete scan.
            """
    )

    @OptionGroup var arguments: ScanArguments

    @Option(name: .shortAndLong, help: "Output format: text, json, jsonl, sarif, junit, gitlab, github or azure.")
    var format: ReportFormat?

    @Option(
        name: .customLong("report"),
        help: ArgumentHelp(
            "Also write a report: FORMAT:PATH, e.g. sarif:out.sarif (repeatable; written atomically).", valueName: "format:path"))
    var reports: [String] = []

    @Option(help: ArgumentHelp("Hide the findings recorded in this baseline file.", valueName: "path"))
    var baseline: String?

    @Flag(help: "Print secrets in full instead of redacted.")
    var showSecrets = false

    @Flag(inversion: .prefixedNo, help: "Show a progress line on standard error (default: only in a terminal, outside CI).")
    var progress: Bool?

    @Flag(name: .shortAndLong, help: "List skipped files, rule errors and stale baseline entries.")
    var verbose = false

    @OptionGroup var output: OutputOptions

    @OptionGroup(title: "Live verification") var verification: VerifyOptions

    func validate() throws {
        for report in reports { _ = try ReportTarget(parsing: report) }
    }

    func run() throws {
        try MistypedSubcommand.check(arguments)
        if arguments.remoteURL != nil || arguments.repos != nil { CloneCleanup.install() }
        var request = try arguments.request(showSecrets: showSecrets, baseline: baseline)
        if let (settings, note) = try verification.settings(
            config: request.config, configNamed: arguments.config != nil, environment: ProcessInfo.processInfo.environment)
        {
            request.verification = settings
            if let note { request.settingsNotes.append(note) }
        }
        request.onlyVerified = verification.onlyVerified
        let targets = try reports.map(ReportTarget.init(parsing:))
        let outcome = try Pipeline.run(request) { counter, selection in
            guard showProgress else { return {} }
            let line = ProgressLine(counter, unit: arguments.isGitMode && !arguments.staged ? "blobs" : "files")
            return { line.stop() }
        }
        if verbose { for file in request.settingsUsed { Terminal.error("tokenwarden: using \(file)") } }
        if !output.quiet { for note in outcome.notes { Terminal.error("tokenwarden: note: \(note)") } }
        let result = outcome.result

        // Standard output: the chosen format; in CI with no format, text plus the CI's annotations.
        let environment = ProcessInfo.processInfo.environment
        let annotations = format == nil ? ReportFormat.ciAnnotations(environment: environment) : nil
        let formats = [format ?? .text] + targets.map(\.format) + [annotations].compactMap { $0 }
        let selection = request.selection
        let context = ReportContext(
            rules: request.rules, verbose: verbose,
            color: output.color.enabled(isTerminal: isatty(STDOUT_FILENO) != 0, environment: environment),
            // git is asked about the repository only for the formats that locate files from its top.
            source: formats.contains(where: \.usesSourceRoot)
                ? SourceRoot.of(selection, currentDirectory: FileManager.default.currentDirectoryPath) : nil)
        let standardOutput = StandardStream.standardOutput
        try (format ?? .text).write(result, context: context, to: standardOutput)
        if let annotations {
            var plain = context
            plain.verbose = false
            try annotations.write(result, context: plain, to: standardOutput)
        }
        try standardOutput.flush()
        for target in targets { try target.write(result, context: context) }

        if verbose {
            for e in result.errors { Terminal.error("tokenwarden: error: \(e)") }
            for entry in outcome.staleBaseline {
                Terminal.error(
                    "tokenwarden: stale baseline entry: \(entry.rule) in \(entry.path) (\(entry.fingerprint.prefix(12))…) no longer matches"
                )
            }
        } else if let failure = result.errors.first(where: { $0.kind == .git }) {
            Terminal.error("tokenwarden: error: \(failure)")
        }
        if verification.dryRun && !output.quiet { for line in VerificationPlan.lines(result) { Terminal.error("tokenwarden: \(line)") } }
        if !output.quiet { Terminal.error(TextReport.summary(result)) }
        if arguments.staged && result.exitCode == 1 && !output.quiet { Terminal.error(TextReport.blockedCommitHelp) }
        throw ExitCode(output.status(of: result))
    }

    private var showProgress: Bool {
        if output.quiet { return false }
        if let progress { return progress }
        return !arguments.staged && Terminal.standardErrorIsInteractive && ProcessInfo.processInfo.environment["CI"] == nil
    }
}
