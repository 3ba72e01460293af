import ArgumentParser
import Foundation
import TokenWarden

/// Every output format, for `--format` and `--report FORMAT:PATH`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, sarif, junit, gitlab, github, azure

    func render(_ result: ScanResult, rules: [Rule], verbose: Bool) throws -> String {
        switch self {
        case .text: return TextReport.render(result, verbose: verbose)
        case .json: return try JSONReport.render(result)
        case .jsonl: return try JSONReport.renderLines(result)
        case .sarif: return try SARIFReport.render(result, rules: rules)
        case .junit: return JUnitReport.render(result)
        case .gitlab: return try GitLabReport.render(result, rules: rules, finishedAt: Date())
        case .github: return Annotations.github(result)
        case .azure: return Annotations.azure(result)
        }
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
              text.index(after: colon) < text.endIndex else {
            throw ValidationError("--report takes FORMAT:PATH with FORMAT one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'")
        }
        self.format = format
        self.path = String(text[text.index(after: colon)...])
    }

    func write(_ result: ScanResult, rules: [Rule]) throws {
        try AtomicFile.write(try format.render(result, rules: rules, verbose: false), to: path)
    }
}
