import ArgumentParser
import Foundation
import TokenWarden

/// Every output format, for `--format` and `--report FORMAT:PATH`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, sarif, junit, gitlab, github, azure

    /// Writes the report into `sink` as it is formatted.
    func write(_ result: ScanResult, context: ReportContext, to sink: ReportSink) throws {
        let source = usesSourceRoot ? context.source : nil
        switch self {
        case .text: try TextReport.write(result, verbose: context.verbose, color: context.color, to: sink)
        case .json: try JSONReport.write(result, to: sink)
        case .jsonl: try JSONReport.writeLines(result, to: sink)
        case .sarif: try SARIFReport.write(result, rules: context.rules, source: source, to: sink)
        case .junit: try JUnitReport.write(result, finishedAt: context.finishedAt, to: sink)
        case .gitlab: try GitLabReport.write(result, rules: context.rules, finishedAt: context.finishedAt, source: source, to: sink)
        case .github: try Annotations.writeGitHub(result, source: source, to: sink)
        case .azure: try Annotations.writeAzure(result, source: source, to: sink)
        }
    }

    /// Writes the report to `path` atomically, streaming it into the temporary file (never in colour).
    func write(_ result: ScanResult, context: ReportContext, toFile path: String) throws {
        var plain = context
        plain.verbose = false
        plain.color = false
        try AtomicFile.write(to: path) { try write(result, context: plain, to: $0) }
    }

    /// The formats CI services read paths and commits from: they want paths from the repository's top.
    var usesSourceRoot: Bool { [.sarif, .gitlab, .github, .azure].contains(self) }

    /// GitHub Actions, GitLab CI and Azure Pipelines set these; their annotations are added to text output.
    static func ciAnnotations(environment: [String: String]) -> ReportFormat? {
        if environment["GITHUB_ACTIONS"] == "true" { return .github }
        if environment["TF_BUILD"] != nil { return .azure }
        return nil
    }
}

/// What reports need besides the result: the rules, the repository (asked of git only when a
/// format needs it, see `usesSourceRoot`), when the scan ended, and how text is shown.
struct ReportContext {
    var rules: [Rule]
    var finishedAt = Date()
    var verbose = false
    var color = false
    var source: SourceRoot?
}

/// `--report FORMAT:PATH`: a report file, written atomically.
struct ReportTarget {
    var format: ReportFormat
    var path: String

    init(parsing text: String) throws {
        guard let colon = text.firstIndex(of: ":"), let format = ReportFormat(rawValue: String(text[..<colon])),
            text.index(after: colon) < text.endIndex
        else {
            throw ValidationError(
                "--report takes FORMAT:PATH with FORMAT one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'"
            )
        }
        self.format = format
        self.path = String(text[text.index(after: colon)...])
    }

    func write(_ result: ScanResult, context: ReportContext) throws {
        try format.write(result, context: context, toFile: path)
    }
}
