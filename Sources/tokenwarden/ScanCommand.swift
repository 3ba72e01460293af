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

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, jsonl
    }

    @Argument(help: "Files or directories to scan, or - for standard input (default: .).")
    var paths: [String] = []

    @Flag(help: "Scan only what the next commit adds (the index against HEAD): for pre-commit hooks.")
    var staged = false

    @Option(name: .customLong("diff"), help: ArgumentHelp("Scan the lines added by the commits of a range, e.g. origin/main..HEAD.", valueName: "A..B"))
    var range: String?

    @Option(help: ArgumentHelp("Scan the lines added since REF (REF..HEAD).", valueName: "REF"))
    var since: String?

    @Flag(help: "Scan every blob in the history of HEAD once (with --branches or --all: of those refs).")
    var history = false

    @Flag(help: "With --history: every local branch.")
    var branches = false

    @Flag(help: "With --history: every ref (branches, tags, remotes, stashes).")
    var all = false

    @Option(help: ArgumentHelp("Scan only shard K of N (1-based) of the work, for parallel CI jobs.", valueName: "K/N"))
    var shard: String?

    @Option(name: .shortAndLong, help: "Output format: text, json or jsonl.")
    var format: Format = .text

    @Flag(help: "Print secrets in full instead of redacted.")
    var showSecrets = false

    @Option(help: "Skip files larger than this many bytes.")
    var maxFileSize: Int = 10 * 1024 * 1024

    @Flag(inversion: .prefixedNo, help: "Show a progress line on standard error (default: only in a terminal, outside CI).")
    var progress: Bool?

    @Flag(name: .shortAndLong, help: "List skipped files and rule errors.")
    var verbose = false

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if maxFileSize <= 0 { throw ValidationError("--max-file-size must be a positive number of bytes") }
        let modes = [staged, range != nil, since != nil, history].filter { $0 }.count
        if modes > 1 { throw ValidationError("choose one of --staged, --diff, --since and --history") }
        if (branches || all) && !history { throw ValidationError("--branches and --all go with --history") }
        if branches && all { throw ValidationError("choose one of --branches and --all") }
        if modes == 1 && paths.count > 1 { throw ValidationError("with --staged, --diff, --since or --history, name at most one repository path") }
        if staged && shard != nil { throw ValidationError("--shard does not go with --staged") }
    }

    var selection: InputSelection {
        let repository = paths.first ?? "."
        if staged { return .staged(repository: repository) }
        if let range { return .diff(range: range, repository: repository) }
        if let since { return .diff(range: "\(since)..HEAD", repository: repository) }
        if history { return .history(refs: all ? .all : branches ? .branches : .head, repository: repository) }
        return .paths(paths)
    }

    func run() throws {
        let rules = try ruleOptions.loadRules()
        var options = ScanOptions()
        options.maxFileSize = maxFileSize
        options.showSecrets = showSecrets
        let store = try storeOptions.load()
        if let store { options.store = try StoreIndex(store.store, key: TokenStore.key()) }
        let scanner = Scanner(ruleSet: RuleSet(rules), options: options)

        let input = try selection.prepare(maxFileSize: maxFileSize, shard: try shard.map(Shard.init(parsing:)))
        for note in input.notes { Terminal.error("tokenwarden: note: \(note)") }
        let counter = ScanProgress(input.stream)
        let line = showProgress ? ProgressLine(counter, unit: history || range != nil || since != nil ? "blobs" : "files") : nil
        var result = scanner.scan(input.stream, preSkipped: input.skipped, progress: counter)
        line?.stop()
        input.finish(&result)
        if let store { Enrichment(store: store.store, rules: rules).apply(to: &result) }

        let output: String
        switch format {
        case .text: output = TextReport.render(result, verbose: verbose)
        case .json: output = try JSONReport.render(result)
        case .jsonl: output = try JSONReport.renderLines(result)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        for e in result.errors where verbose || input.failure?.description == e { Terminal.error("tokenwarden: error: \(e)") }
        Terminal.error(TextReport.summary(result))
        if staged && result.exitCode == 1 { Terminal.error(TextReport.blockedCommitHelp) }
        throw ExitCode(result.exitCode)
    }

    private var showProgress: Bool {
        if let progress { return progress }
        return !staged && Terminal.standardErrorIsInteractive && ProcessInfo.processInfo.environment["CI"] == nil
    }
}
