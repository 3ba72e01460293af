import Foundation

/// Machine-readable output. `json` is one document (schema in README.md); `jsonl` is one finding
/// per line, for streaming into other tools. Keys are sorted so output is byte-for-byte stable.
public enum JSONReport {
    /// 2: the `scope` object (shard, input, digests), which `merge` requires.
    public static let schemaVersion = 2

    /// The `json` document. `Findings` is `[Finding]` when a report is read back (`Contents`); when
    /// one is written it is a placeholder, and the findings are streamed in its place.
    struct Document<Findings: Encodable>: Encodable {
        var tool = "tokenwarden"
        var version = TokenWardenVersion.current
        var schema = JSONReport.schemaVersion
        var scope: ScanScope?
        var findings: Findings
        var skipped: [Skip]
        var errors: [ScanError]
        var summary: ScanSummary
    }

    /// A `json` report as read back.
    typealias Contents = Document<[Finding]>

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// The `json` document: the envelope, then each finding as it is encoded, then the rest.
    public static func write(_ result: ScanResult, to sink: ReportSink) throws {
        let findings = StreamedJSONArray()
        let doc = Document(scope: result.scope, findings: findings, skipped: result.skipped, errors: result.errors, summary: result.summary)
        try findings.writeDocument(doc, elements: result.findings, to: sink)
    }

    /// `jsonl`: one finding per line.
    public static func writeLines(_ result: ScanResult, to sink: ReportSink) throws {
        let e = encoder()
        for f in result.findings {
            try sink.write(Array(try e.encode(f)))
            try sink.write("\n")
        }
    }

    public static func render(_ result: ScanResult) throws -> String {
        try MemorySink.text { try write(result, to: $0) }
    }

    public static func renderLines(_ result: ScanResult) throws -> String {
        try MemorySink.text { try writeLines(result, to: $0) }
    }
}

extension JSONReport.Document: Decodable where Findings: Decodable {}
