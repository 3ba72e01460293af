import ArgumentParser
import Foundation
import TokenWarden

/// `tokenwarden merge REPORT...`
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the JSON reports of sharded scans (--shard K/N --format json) into one report.",
        discussion: "Exit status follows the merged findings: 0 nothing blocking, 1 blocking findings, 2 error.")

    @Argument(help: "JSON reports written by `tokenwarden scan --format json`.")
    var reports: [String]

    @Option(name: .shortAndLong, help: "Output format: text, json, jsonl, sarif, junit, gitlab, github or azure.")
    var format: ReportFormat = .json

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var ruleOptions: RuleOptions

    func validate() throws {
        if reports.isEmpty { throw ValidationError("name at least one report") }
    }

    func run() throws {
        let named = try reports.map { path -> (name: String, json: String) in
            guard let data = FileManager.default.contents(atPath: path) else { throw InputError("\(path): cannot read the report") }
            return (path, String(decoding: data, as: UTF8.self))
        }
        let result = try ReportMerge.merge(named: named)
        let context = ReportContext(rules: try ruleOptions.loadRules(examples: false))
        if let output {
            try format.write(result, context: context, toFile: output)
        } else {
            try format.write(result, context: context, to: StandardStream.standardOutput)
            try StandardStream.standardOutput.flush()
        }
        Terminal.error(TextReport.summary(result))
        throw ExitCode(result.exitCode)
    }
}
