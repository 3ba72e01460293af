import ArgumentParser
import Foundation
import TokenWarden

/// `tokenwarden scan [PATH...]`
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan files, directories, git work trees or standard input (-) for secrets.",
        discussion: "Exit status: 0 nothing blocking, 1 blocking findings, 2 error or incomplete scan."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, jsonl
    }

    @Argument(help: "Files or directories to scan, or - for standard input (default: .).")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "Output format: text, json or jsonl.")
    var format: Format = .text

    @Flag(help: "Print secrets in full instead of redacted.")
    var showSecrets = false

    @Option(help: "Skip files larger than this many bytes.")
    var maxFileSize: Int = 10 * 1024 * 1024

    @Flag(name: .shortAndLong, help: "List skipped files and rule errors.")
    var verbose = false

    @OptionGroup var ruleOptions: RuleOptions

    func validate() throws {
        if maxFileSize <= 0 { throw ValidationError("--max-file-size must be a positive number of bytes") }
    }

    func run() throws {
        let rules = try ruleOptions.loadRules()
        var options = ScanOptions()
        options.maxFileSize = maxFileSize
        options.showSecrets = showSecrets
        let scanner = Scanner(ruleSet: RuleSet(rules), options: options)

        var targets: [ScanTarget] = []
        var skipped: [Skip] = []
        let named = paths.isEmpty ? ["."] : paths
        for path in named {
            if path == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                targets.append(.blob(Blob(bytes: [UInt8](data), provenance: Provenance(path: "<stdin>"))))
            } else {
                let listed = try WorktreeSource.targets(for: [path])
                targets += listed.targets
                skipped += listed.skipped
            }
        }
        let result = scanner.scan(targets, preSkipped: skipped)
        let output: String
        switch format {
        case .text: output = TextReport.render(result, verbose: verbose)
        case .json: output = try JSONReport.render(result)
        case .jsonl: output = try JSONReport.renderLines(result)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if verbose { for e in result.errors { FileHandle.standardError.write(Data("tokenwarden: \(e)\n".utf8)) } }
        FileHandle.standardError.write(Data((TextReport.summary(result) + "\n").utf8))
        throw ExitCode(result.exitCode)
    }
}
