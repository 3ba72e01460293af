import Foundation

/// GitLab's secret-detection report (`gl-secret-detection-report.json`, `artifacts: reports:
/// secret_detection`), as GitLab's own secrets analyzer writes it, so merge-request widgets, the
/// vulnerability report and security policies treat tokenwarden's findings like GitLab's. It follows
/// security-report schema 15.0.7 (`secret-detection-report-format.json`); `category` is kept as the
/// analyzer writes it, and the schema's open objects allow it.
///
/// `raw_source_code_extract` holds the redacted secret: GitLab shows that field to everyone who can see
/// the vulnerability and keeps it in its database, so the raw secret never goes there.
public enum GitLabReport {
    public static let schemaVersion = "15.0.7"
    /// Where a finding has no commit and HEAD is unknown (outside git, before the first commit),
    /// GitLab's analyzer writes this placeholder. A work-tree finding otherwise gets HEAD's commit.
    static let noCommit = "0000000"

    /// The report: the scan, then each vulnerability as it is encoded. `finishedAt` is when the scan
    /// ended (the scan's duration gives its start); a parameter, so the report depends on nothing but
    /// its arguments.
    public static func write(_ result: ScanResult, rules: [Rule], finishedAt: Date, source: SourceRoot? = nil, to sink: ReportSink) throws {
        let start = finishedAt.addingTimeInterval(-Double(result.summary.durationMilliseconds) / 1000)
        var identifiers = Set(rules.filter { !$0.disabled }.map(\.id))
        for f in result.findings { identifiers.insert(f.rule) }
        let messages = FindingMessage.problems(result).map { Message(level: "warn", value: $0) }
        let scan = Scan(
            analyzer: .tokenwarden, scanner: .tokenwarden, type: "secret_detection",
            startTime: ReportTimestamp.utc(start), endTime: ReportTimestamp.utc(finishedAt), status: "success",
            messages: messages.isEmpty ? nil : messages,
            primaryIdentifiers: identifiers.sorted().map(identifier(forRule:)))
        let vulnerabilities = StreamedJSONArray()
        let doc = Document(version: schemaVersion, scan: scan, vulnerabilities: vulnerabilities)
        try vulnerabilities.writeDocument(doc, elements: result.findings.lazy.map { vulnerability($0, source: source) }, to: sink)
    }

    public static func render(_ result: ScanResult, rules: [Rule], finishedAt: Date, source: SourceRoot? = nil) throws -> String {
        try MemorySink.text { try write(result, rules: rules, finishedAt: finishedAt, source: source, to: $0) }
    }

    /// `source` gives work-tree findings HEAD's commit and every path from the repository's top.
    static func vulnerability(_ f: Finding, source: SourceRoot? = nil) -> Vulnerability {
        let path = source?.repositoryPath(f.path) ?? f.path
        var commit = Commit(sha: f.commit ?? source?.head ?? noCommit)
        commit.author = f.author
        commit.date = f.date
        return Vulnerability(
            id: id(f), name: FindingMessage.title(f),
            description: "\(FindingMessage.text(f)). Found in \(path), line \(f.line).",
            severity: severity(f), solution: FindingMessage.remediation(f),
            identifiers: [identifier(forRule: f.rule)],
            location: Location(file: path, startLine: f.line, endLine: f.endLine, commit: commit),
            rawSourceCodeExtract: f.redacted, details: details(f))
    }

    /// Unique within the report (it includes the position and commit), stable across identical runs.
    static func id(_ f: Finding) -> String {
        Fingerprint.sha256Hex(
            Array("\(f.rule)\u{0}\(f.path)\u{0}\(f.line)\u{0}\(f.column)\u{0}\(f.commit ?? "")\u{0}\(f.fingerprint)".utf8))
    }

    /// A leaked registered token and a secret verified valid are critical; other blocking findings rank by confidence; findings that
    /// do not block are at most medium, so GitLab's default approval rules (high and critical) ignore them.
    static func severity(_ f: Finding) -> String {
        if f.status == .leaked || f.verification == .valid { return "Critical" }
        if f.blocking { return f.confidence == .high ? "Critical" : "High" }
        return f.confidence == .low ? "Low" : "Medium"
    }

    static func identifier(forRule rule: String) -> Identifier {
        Identifier(type: "tokenwarden_rule_id", name: "tokenwarden rule ID \(rule)", value: rule)
    }

    /// The verdicts GitLab has no field for, as the schema's named list of details.
    static func details(_ f: Finding) -> [String: Detail] {
        var d: [String: Detail] = [
            "service": .text("Service", f.service),
            "confidence": .text("Confidence", f.confidence.rawValue),
            "blocking": .value("Blocking", f.blocking),
        ]
        if let checksum = f.checksum { d["checksum"] = .text("Checksum", checksum.rawValue) }
        if let protection = f.keyProtection { d["key_protection"] = .text("Key protection", protection.rawValue) }
        if let decoded = f.decoded { d["decoded"] = .text("Decoded from", decoded) }
        if let status = f.status { d["status"] = .text("Token store status", status.rawValue) }
        if let id = f.tokenID { d["token_id"] = .text("Registered token", id) }
        if let owner = f.owner, !owner.isEmpty { d["owner"] = .text("Owner", owner) }
        if let scopes = f.scopes { d["scopes"] = .text("Scopes", scopes.isEmpty ? "none (full access)" : scopes.joined(separator: ", ")) }
        if let over = f.overScoped { d["over_scoped"] = .value("Over-scoped", over) }
        if let excess = f.excessScopes, !excess.isEmpty { d["excess_scopes"] = .text("Excess scopes", excess.joined(separator: ", ")) }
        if let expiry = f.expiry { d["expiry"] = .text("Expiry", expiry.rawValue) }
        if let status = f.verification {
            d["verification"] = .text("Verification", status.rawValue + (f.verificationReason.map { ": \($0)" } ?? ""))
        }
        if let identity = f.verifiedIdentity { d["verified_identity"] = .text("Verified identity", identity) }
        if let host = f.verifiedHost { d["verified_host"] = .text("Verified at", host) }
        return d
    }

    // MARK: Document

    struct Document: Encodable {
        var version: String
        var scan: Scan
        /// The vulnerabilities, streamed (`Vulnerability` values).
        var vulnerabilities: StreamedJSONArray
    }

    struct Scan: Encodable {
        var analyzer: Component
        var scanner: Component
        var type: String
        var startTime: String
        var endTime: String
        var status: String
        var messages: [Message]?
        var primaryIdentifiers: [Identifier]

        enum CodingKeys: String, CodingKey {
            case analyzer, scanner, type, startTime = "start_time", endTime = "end_time", status, messages
            case primaryIdentifiers = "primary_identifiers"
        }
    }

    struct Component: Encodable {
        struct Vendor: Encodable { var name: String }
        var id: String
        var name: String
        var version: String
        var vendor: Vendor

        static let tokenwarden = Component(
            id: "tokenwarden", name: "tokenwarden", version: TokenWardenVersion.current,
            vendor: Vendor(name: "tokenwarden"))
    }

    struct Message: Encodable {
        var level: String
        var value: String
    }

    struct Identifier: Encodable {
        var type: String
        var name: String
        var value: String
    }

    struct Vulnerability: Encodable {
        var id: String
        var category = "secret_detection"
        var name: String
        var description: String
        var severity: String
        var solution: String
        var identifiers: [Identifier]
        var location: Location
        var rawSourceCodeExtract: String
        var details: [String: Detail]

        init(
            id: String, name: String, description: String, severity: String, solution: String,
            identifiers: [Identifier], location: Location, rawSourceCodeExtract: String, details: [String: Detail]
        ) {
            self.id = id
            self.name = String(name.prefix(255))
            self.description = description
            self.severity = severity
            self.solution = String(solution.prefix(7000))
            self.identifiers = identifiers
            self.location = location
            self.rawSourceCodeExtract = rawSourceCodeExtract
            self.details = details
        }

        enum CodingKeys: String, CodingKey {
            case id, category, name, description, severity, solution, identifiers, location
            case rawSourceCodeExtract = "raw_source_code_extract", details
        }
    }

    struct Location: Encodable {
        var file: String
        var startLine: Int
        var endLine: Int
        var commit: Commit

        enum CodingKeys: String, CodingKey { case file, startLine = "start_line", endLine = "end_line", commit }
    }

    struct Commit: Encodable {
        var sha: String
        var author: String?
        var date: String?
    }

    /// One entry of the schema's `named-list`: a text or a plain value, with a display name.
    struct Detail: Encodable {
        var name: String
        var type: String
        var text: String?
        var flag: Bool?

        static func text(_ name: String, _ value: String) -> Detail { Detail(name: name, type: "text", text: value) }
        static func value(_ name: String, _ value: Bool) -> Detail { Detail(name: name, type: "value", flag: value) }

        enum CodingKeys: String, CodingKey { case name, type, value }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(type, forKey: .type)
            if let text { try c.encode(text, forKey: .value) } else { try c.encode(flag ?? false, forKey: .value) }
        }
    }
}
