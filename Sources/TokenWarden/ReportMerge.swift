import Foundation

/// Joins the `--format json` reports of `--shard K/N` runs into the one result a single run would
/// have produced, so any report format can be rendered from a sharded audit. Findings seen in two
/// shards (a secret in blobs of both) are kept once; skips are kept as listed, since shards skip
/// disjoint work and one path may be skipped in several of its blobs; counts are added, except the
/// duration, which is the longest shard's: shards run side by side.
public enum ReportMerge {
    /// Reports named by position (`report 2`) in error messages.
    public static func merge(_ jsonReports: [String], allowPartial: Bool = false) throws -> ScanResult {
        try merge(named: jsonReports.enumerated().map { (name: "report \($0.offset + 1)", json: $0.element) }, allowPartial: allowPartial)
    }

    /// Reports named by the caller (usually their file names) in error messages. The reports must be
    /// the N shards of one input under one set of settings, each once; with `allowPartial`, shards
    /// may be missing, and the result's scope lists them (`ScanScope.missingShards`).
    public static func merge(named reports: [(name: String, json: String)], allowPartial: Bool = false) throws -> ScanResult {
        guard !reports.isEmpty else { throw InputError("no reports to merge") }
        let shards = try reports.map { (name: $0.name, report: try decode($0.json, name: $0.name)) }
        let scope = try ShardSet(shards.map { (name: $0.name, scope: $0.report.scope) }).check(allowPartial: allowPartial)
        var findings: [Finding] = [], seenFindings = Set<Finding>()
        var skipped: [Skip] = []
        var errors = Set<ScanError>()
        var counts: [String: Int] = [:]
        for (_, shard) in shards {
            for f in shard.findings where seenFindings.insert(f).inserted { findings.append(f) }
            skipped += shard.skipped
            errors.formUnion(shard.errors)
            for (key, value) in shard.summary {
                counts[key] = key == durationKey ? max(counts[key] ?? 0, value) : (counts[key] ?? 0) + value
            }
        }
        var result = ScanResult()
        result.scope = scope
        // Stable sort: findings equal in report order keep the order of the reports they came from.
        result.findings = findings.sorted(by: Scanner.reportOrder)
        // Shards of a history scan each keep their own oldest sighting of a secret; keep the oldest overall.
        HistoryCollapse.apply(to: &result)
        result.skipped = skipped.sorted()
        result.errors = errors.sorted()
        result.summary = try summary(counts)
        // Derived counts follow the merged lists, so duplicates are not counted twice.
        result.summary.findings = result.findings.count
        result.summary.blocking = result.findings.filter(\.blocking).count
        result.summary.filesSkipped = result.skipped.count
        return result
    }

    static let durationKey = "duration_ms"

    /// One shard's report. The summary is read as plain counts, so every count the summary has (now or
    /// later) is added without this file naming it.
    struct ShardReport: Decodable {
        var scope: ScanScope
        var findings: [Finding]
        var skipped: [Skip]
        var errors: [ScanError]
        var summary: [String: Int]
    }

    /// What identifies a report, read before the rest so an old or foreign report gets a plain answer.
    struct Header: Decodable {
        var tool: String
        var schema: Int
    }

    static func decode(_ json: String, name: String) throws -> ShardReport {
        do {
            let header = try JSONDecoder().decode(Header.self, from: Data(json.utf8))
            guard header.tool == "tokenwarden" else {
                throw InputError("\(name): not a tokenwarden report (tool is '\(header.tool)')")
            }
            guard header.schema == JSONReport.schemaVersion else {
                throw InputError(
                    "\(name): JSON report schema \(header.schema) is not supported (this tokenwarden reads schema \(JSONReport.schemaVersion); scan again with this version)"
                )
            }
            return try JSONDecoder().decode(ShardReport.self, from: Data(json.utf8))
        } catch let error as DecodingError {
            throw InputError("\(name): \(describe(error))")
        }
    }

    /// The summed counts as a summary; counts an older report lacks start at zero.
    static func summary(_ counts: [String: Int]) throws -> ScanSummary {
        let zero = try JSONDecoder().decode([String: Int].self, from: JSONEncoder().encode(ScanSummary()))
        let all = zero.merging(counts) { _, summed in summed }
        return try JSONDecoder().decode(ScanSummary.self, from: JSONEncoder().encode(all))
    }

    /// A decoding error as one line naming the field: `missing 'findings[0].line'`.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            var out = ""
            for key in keys {
                if let i = key.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
            }
            return out
        }
        switch error {
        case .dataCorrupted(let c) where c.codingPath.isEmpty:
            return "not valid JSON (merge reads --format json reports)"
        case .dataCorrupted(let c):
            return "bad value at '\(path(c.codingPath))' (\(c.debugDescription))"
        case .keyNotFound(let key, let c):
            return "not a tokenwarden JSON report: missing '\(path(c.codingPath + [key]))'"
        case .typeMismatch(_, let c) where c.codingPath.isEmpty:
            return "not a tokenwarden JSON report (expected a JSON object)"
        case .typeMismatch(let type, let c):
            return "wrong type at '\(path(c.codingPath))' (expected \(type))"
        case .valueNotFound(let type, let c):
            return "missing value at '\(path(c.codingPath))' (expected \(type))"
        @unknown default:
            return "not a tokenwarden JSON report"
        }
    }
}
