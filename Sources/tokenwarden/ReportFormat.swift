import ArgumentParser
import Foundation
import TokenWarden

/// Every output format, for `--format` and `--report FORMAT:PATH`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, sarif, junit, gitlab, github, azure

    /// Writes the report into `sink` as it is formatted.
    func write(_ result: ScanResult, rules: [Rule], verbose: Bool, to sink: ReportSink) throws {
        switch self {
        case .text: try TextReport.write(result, verbose: verbose, to: sink)
        case .json: try JSONReport.write(result, to: sink)
        case .jsonl: try JSONReport.writeLines(result, to: sink)
        case .sarif: try SARIFReport.write(result, rules: rules, to: sink)
        case .junit: try JUnitReport.write(result, to: sink)
        case .gitlab: try GitLabReport.write(result, rules: rules, finishedAt: Date(), to: sink)
        case .github: try Annotations.writeGitHub(result, to: sink)
        case .azure: try Annotations.writeAzure(result, to: sink)
        }
    }

    /// Writes the report to `path` atomically, streaming it into the temporary file.
    func write(_ result: ScanResult, rules: [Rule], toFile path: String) throws {
        try AtomicFile.write(to: path) { try write(result, rules: rules, verbose: false, to: $0) }
    }

    /// GitHub Actions, GitLab CI and Azure Pipelines set these; their annotations are added to text output.
    static func ciAnnotations(environment: [String: String]) -> ReportFormat? {
        if environment["GITHUB_ACTIONS"] == "true" { return .github }
        if environment["TF_BUILD"] != nil { return .azure }
        return nil
    }
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

    func write(_ result: ScanResult, rules: [Rule]) throws {
        try format.write(result, rules: rules, toFile: path)
    }
}
