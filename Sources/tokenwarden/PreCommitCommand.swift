import ArgumentParser
import Foundation
import TokenWarden

/// `tokenwarden pre-commit [SCAN OPTIONS --] [FILE...]`: the entry of the hooks in `.pre-commit-hooks.yaml`.
/// pre-commit appends the hook's `args:` and then the file names, with no separator of its own, and a
/// scanned repository chooses its file names: a file called `--show-secrets` or `-` must stay a file.
/// So scan options count only before a `--` (the hooks' default `args: [--]`); without one, every
/// argument is a file name.
struct PreCommitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pre-commit",
        abstract: "The pre-commit framework's hook: scan the files it passes, or its --from-ref/--to-ref range.",
        discussion: """
            With PRE_COMMIT_FROM_REF and PRE_COMMIT_TO_REF set (pre-commit run --from-ref A --to-ref B, and \
            the pre-push stage) scans the lines each commit of A..B adds, as scan --diff A..B. Otherwise scans \
            the files pre-commit passes (on a commit the staged files, with --all-files every tracked file) \
            as scan FILE...; with no file, what the next commit adds, as scan --staged. Scan options \
            (--baseline, --config, --report, ...) go before a --, file names after it; without a --, every \
            argument is a file name. The mode flags are chosen here and refused.
            Exit status: 0 nothing blocking, 1 blocking findings, 2 error or incomplete scan.
            """
    )

    @Argument(
        parsing: .captureForPassthrough,
        help: ArgumentHelp("Scan options and a --, then the files pre-commit passes.", valueName: "arguments"))
    var arguments: [String] = []

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        // Help by hand only: under pre-commit (which sets PRE_COMMIT=1) a file may be called --help.
        if environment["PRE_COMMIT"] == nil, arguments == ["--help"] || arguments == ["-h"] {
            throw CleanExit.helpRequest(self)
        }
        let separator = arguments.firstIndex(of: "--")
        let options = separator.map { Array(arguments[..<$0]) } ?? []
        let files = separator.map { Array(arguments[($0 + 1)...]) } ?? arguments
        var scan = try ScanCommand.parse(options)
        if !scan.arguments.paths.isEmpty {
            throw ValidationError("pre-commit: \(scan.arguments.paths[0]): scan options go before a --, file names after it")
        }
        if scan.arguments.isGitMode || scan.arguments.shard != nil {
            throw ValidationError(
                "pre-commit chooses what to scan: leave --staged, --diff, --since, --history and --shard out of the hook's args")
        }
        switch try PreCommitFrameworkRun(environment: environment, files: files) {
        case .range(let from, let to):
            scan.arguments.range = "\(from)..\(to)"
        case .files(let files):
            // `-` alone would mean standard input to scan.
            scan.arguments.paths = files.map { $0 == "-" ? "./-" : $0 }
        case .staged:
            scan.arguments.staged = true
        }
        try scan.run()
    }
}
