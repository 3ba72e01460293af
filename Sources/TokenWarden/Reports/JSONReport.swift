import Foundation

/// Machine-readable output. `json` is one document (schema in README.md); `jsonl` is one finding
/// per line, for streaming into other tools. Keys are sorted so output is byte-for-byte stable.
public enum JSONReport {
    public static let schemaVersion = 1

    struct Document: Codable {
        var tool = "tokenwarden"
        var version = TokenWardenVersion.current
        var schema = JSONReport.schemaVersion
        var findings: [Finding]
        var skipped: [Skip]
        var errors: [String]
        var summary: ScanSummary
    }

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    public static func render(_ result: ScanResult) throws -> String {
        let doc = Document(findings: result.findings, skipped: result.skipped, errors: result.errors, summary: result.summary)
        let e = encoder()
        e.outputFormatting.insert(.prettyPrinted)
        return String(decoding: try e.encode(doc), as: UTF8.self) + "\n"
    }

    public static func renderLines(_ result: ScanResult) throws -> String {
        let e = encoder()
        return try result.findings.map { String(decoding: try e.encode($0), as: UTF8.self) + "\n" }.joined()
    }
}

public enum TokenWardenVersion {
    public static let current = "0.1.0"
}
