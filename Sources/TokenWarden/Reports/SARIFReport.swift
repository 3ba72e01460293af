import Foundation

/// SARIF 2.1.0, the format GitHub code scanning (and Azure DevOps' SARIF viewer) ingests. One run; the
/// driver lists only the rules that have findings, so the file stays small with hundreds of built-in
/// rules. Results carry the redacted secret only: the raw secret is never written, even with
/// `--show-secrets`, because SARIF is uploaded and kept by the code-scanning service.
///
/// Columns are UTF-16 code units (`columnKind: utf16CodeUnits`, what GitHub and editors count), not
/// tokenwarden's byte columns: on a line with CJK text before the secret the two differ. Paths are
/// relative to the repository's top (`%SRCROOT%`) whatever the current directory, when the scan knows
/// its `SourceRoot`; the run then names the checkout (`originalUriBaseIds`) and its commit
/// (`versionControlProvenance`). Severities, line hashes and help text follow GitHub's SARIF support.
public enum SARIFReport {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The `partialFingerprints` key: bump the version if the hashed fields ever change, so code
    /// scanning does not match new fingerprints against old ones.
    public static let fingerprintKey = "tokenwarden/v1"

    /// The log: the driver's rules and the invocation, then each result as it is encoded, then the rest.
    public static func write(
        _ result: ScanResult, rules: [Rule], source: SourceRoot? = nil, informationURI: String? = nil, to sink: ReportSink
    ) throws {
        let known = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Only the rules that have findings, by id; each result points at its rule by index.
        var firstFinding: [String: Finding] = [:]
        for f in result.findings where firstFinding[f.rule] == nil { firstFinding[f.rule] = f }
        let ruleIDs = firstFinding.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: ruleIDs.enumerated().map { ($1, $0) })
        // GitHub ranks an alert by its rule's severity only: a rule takes the highest of its results'.
        var severity: [String: SecuritySeverity] = [:]
        for f in result.findings { severity[f.rule] = max(severity[f.rule] ?? .low, SecuritySeverity.of(f)) }
        let descriptors = ruleIDs.map { id in
            var d = known[id].map(descriptor(for:)) ?? descriptor(from: firstFinding[id]!)
            d.properties.securitySeverity = max(severity[id] ?? .low, SecuritySeverity.of(d.confidence)).score
            return d
        }
        let driver = Driver(
            version: TokenWardenVersion.current, semanticVersion: TokenWardenVersion.current,
            informationUri: informationURI, rules: descriptors)
        let results = StreamedJSONArray()
        var run = Run(tool: Tool(driver: driver), invocations: [invocation(result)], properties: result.scope, results: results)
        if let source {
            run.originalUriBaseIds = [srcRoot: BaseURI(uri: "file://" + percentEncoded(source.directory) + "/")]
            if let head = source.head {
                let repository = source.repositoryURI ?? "file://" + percentEncoded(source.directory)
                run.versionControlProvenance = [
                    VersionControl(
                        repositoryUri: repository, revisionId: head, branch: source.branch, mappedTo: BaseURI(uriBaseId: srcRoot))
                ]
            }
        }
        let lineHashes = occurrenceCounted(result.findings)
        try results.writeDocument(
            Log(runs: [run]),
            elements: result.findings.indices.lazy.map { i in
                let f = result.findings[i]
                return sarifResult(f, ruleIndex: index[f.rule]!, path: source?.repositoryPath(f.path) ?? f.path, lineHash: lineHashes[i])
            },
            to: sink)
    }

    /// The base id of paths relative to the checkout, as code scanning expects.
    static let srcRoot = "%SRCROOT%"

    public static func render(_ result: ScanResult, rules: [Rule], source: SourceRoot? = nil, informationURI: String? = nil) throws
        -> String
    {
        try MemorySink.text { try write(result, rules: rules, source: source, informationURI: informationURI, to: $0) }
    }

    // MARK: Rules

    static func descriptor(for rule: Rule) -> Descriptor {
        var described = descriptor(
            id: rule.id, service: rule.service, description: rule.description, confidence: rule.confidence,
            checksum: rule.checksum, remediation: rule.remediation)
        described.helpUri = rule.references.first
        described.help.markdown = helpMarkdown(remediation: described.help.text, references: rule.references)
        return described
    }

    /// A rule that is not in the rule list (a report merged from elsewhere, a store-driven match):
    /// described from its finding, which carries the rule's description and remediation.
    static func descriptor(from f: Finding) -> Descriptor {
        descriptor(
            id: f.rule, service: f.service, description: f.description, confidence: f.confidence,
            checksum: nil, remediation: f.remediation)
    }

    static func descriptor(
        id: String, service: String, description: String, confidence: Confidence,
        checksum: String?, remediation: String?
    ) -> Descriptor {
        let short = description.isEmpty ? id : description
        var full = "\(short) (service: \(service)). tokenwarden reports it with \(confidence.rawValue) confidence"
        if let checksum { full += " and verifies its \(checksum) checksum" }
        full += confidence >= .medium ? "; findings block." : "; findings are reported but do not block."
        return Descriptor(
            id: id, name: pascalCase(id), shortDescription: Message(text: short), fullDescription: Message(text: full),
            help: Message(
                text: remediation ?? FindingMessage.defaultRemediation,
                markdown: helpMarkdown(remediation: remediation ?? FindingMessage.defaultRemediation, references: [])),
            defaultConfiguration: Configuration(level: confidence >= .medium ? "error" : "note"), confidence: confidence,
            properties: DescriptorProperties(
                service: service, confidence: confidence.rawValue,
                precision: confidence.rawValue, tags: unique(["secret", "security", service])))
    }

    /// The rule's help as GitHub shows it: what to do, then the service's documentation as links.
    /// The remediation goes in as written (its URLs stay links; GitHub sanitises what it renders).
    static func helpMarkdown(remediation: String, references: [String]) -> String {
        var text = "**Remediation:** " + remediation
        if !references.isEmpty {
            text += "\n\n**References:**\n" + references.map { "- <\($0)>" }.joined(separator: "\n")
        }
        return text
    }

    /// SARIF property-bag tags must be unique.
    static func unique(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.filter { seen.insert($0).inserted }
    }

    /// SARIF's `name` is an identifier-like word: `github-pat-classic` → `GithubPatClassic`.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    // MARK: Results

    static func level(_ f: Finding) -> String {
        if f.blocking { return "error" }
        return f.confidence == .low ? "note" : "warning"
    }

    /// `path` is the finding's path from the repository's top where known (else as reported);
    /// `lineHash` its `primaryLocationLineHash`, occurrence counter included.
    static func sarifResult(_ f: Finding, ruleIndex: Int, path: String? = nil, lineHash: String? = nil) -> ResultEntry {
        let region = Region(
            startLine: f.line, startColumn: f.span.characterColumn, endLine: f.endLine, endColumn: f.span.characterEndColumn)
        let location = Location(physicalLocation: PhysicalLocation(artifactLocation: artifactLocation(path ?? f.path), region: region))
        let properties = ResultProperties(
            securitySeverity: SecuritySeverity.of(f).score, status: f.status?.rawValue, tokenID: f.tokenID, owner: f.owner,
            scopes: f.scopes, overScoped: f.overScoped, excessScopes: f.excessScopes, expiry: f.expiry?.rawValue,
            checksum: f.checksum?.rawValue, keyProtection: f.keyProtection?.rawValue, decoded: f.decoded,
            confidence: f.confidence.rawValue, blocking: f.blocking, commit: f.commit, author: f.author, date: f.date,
            source: f.isUnreachable ? Finding.unreachableSource : nil, verification: f.verification?.rawValue,
            verificationReason: f.verificationReason, verifiedIdentity: f.verifiedIdentity, verifiedHost: f.verifiedHost)
        var fingerprints = [fingerprintKey: fingerprint(f)]
        if let lineHash { fingerprints[lineHashKey] = lineHash }
        return ResultEntry(
            ruleId: f.rule, ruleIndex: ruleIndex, level: level(f), message: Message(text: FindingMessage.text(f)),
            locations: [location], partialFingerprints: fingerprints, properties: properties)
    }

    /// The fingerprint GitHub matches alerts across runs by.
    static let lineHashKey = "primaryLocationLineHash"

    /// Each finding's line hash with GitHub's `:N` suffix: the how-many-th time that hash occurs in its
    /// file, in report order, so two identical lines stay two alerts.
    static func occurrenceCounted(_ findings: [Finding]) -> [String?] {
        var seen: [String: Int] = [:]
        return findings.map { f in
            guard let hash = f.lineHash else { return nil }
            let n = (seen[f.path + "\u{0}" + hash] ?? 0) + 1
            seen[f.path + "\u{0}" + hash] = n
            return "\(hash):\(n)"
        }
    }

    /// Stable across runs and line moves: the rule, the file and the secret's SHA-256, nothing positional,
    /// so code scanning keeps one alert while the secret stays in that file.
    static func fingerprint(_ f: Finding) -> String {
        Fingerprint.sha256Hex(Array("\(f.rule)\u{0}\(f.path)\u{0}\(f.fingerprint)".utf8))
    }

    /// Relative paths stay relative to the checkout (`%SRCROOT%`, as code scanning expects); absolute
    /// ones become `file://` URIs. Everything outside RFC 3986's unreserved set and `/` is percent-encoded
    /// (`:` too, so `a:b.txt` is not read as a scheme).
    static func artifactLocation(_ path: String) -> ArtifactLocation {
        if path.hasPrefix("/") { return ArtifactLocation(uri: "file://" + percentEncoded(path), uriBaseId: nil) }
        return ArtifactLocation(uri: percentEncoded(path), uriBaseId: srcRoot)
    }

    static func percentEncoded(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for b in path.utf8 {
            let plain =
                (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
                || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
                || b == UInt8(ascii: "/")
            if plain { out.append(b) } else { out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 0x0F)]] }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the scan saw everything: scan errors and unreadable files are tool notifications, so an
    /// incomplete scan is visible in code scanning and not mistaken for a clean one.
    static func invocation(_ result: ScanResult) -> Invocation {
        let notes = FindingMessage.problems(result).map { Notification(level: "error", message: Message(text: $0)) }
        return Invocation(executionSuccessful: notes.isEmpty, toolExecutionNotifications: notes.isEmpty ? nil : notes)
    }

    // MARK: Document

    struct Log: Encodable {
        var schema = SARIFReport.schemaURI
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    struct Run: Encodable {
        var tool: Tool
        var invocations: [Invocation]
        var originalUriBaseIds: [String: BaseURI]?
        var versionControlProvenance: [VersionControl]?
        var columnKind = "utf16CodeUnits"
        /// The run's property bag: which shard of which input it covers (as in the JSON report's `scope`).
        var properties: ScanScope?
        /// The results, streamed (`ResultEntry` values).
        var results: StreamedJSONArray
    }

    /// An `artifactLocation` that is a base: the checkout's URI, or a reference to one.
    struct BaseURI: Encodable {
        var uri: String?
        var uriBaseId: String?
    }

    struct VersionControl: Encodable {
        var repositoryUri: String
        var revisionId: String
        var branch: String?
        var mappedTo: BaseURI
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name = "tokenwarden"
        var version: String
        var semanticVersion: String
        var informationUri: String?
        var rules: [Descriptor]
    }

    struct Message: Encodable {
        var text: String
        var markdown: String?
    }

    struct Configuration: Encodable { var level: String }

    struct Descriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var helpUri: String?
        var defaultConfiguration: Configuration
        /// The rule's confidence, for its severity (not encoded).
        var confidence: Confidence
        var properties: DescriptorProperties

        enum CodingKeys: String, CodingKey {
            case id, name, shortDescription, fullDescription, help, helpUri, defaultConfiguration, properties
        }
    }

    struct DescriptorProperties: Encodable {
        var service: String
        var confidence: String
        /// GitHub's precision: how often the rule's alerts are true positives.
        var precision: String
        var tags: [String]
        var securitySeverity: String?

        enum CodingKeys: String, CodingKey { case service, confidence, precision, tags, securitySeverity = "security-severity" }
    }

    struct ResultEntry: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
        var properties: ResultProperties
    }

    struct Location: Encodable { var physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
    }

    /// The token-store verdicts and provenance, under the JSON report's names.
    struct ResultProperties: Encodable {
        var securitySeverity: String
        var status: String?
        var tokenID: String?
        var owner: String?
        var scopes: [String]?
        var overScoped: Bool?
        var excessScopes: [String]?
        var expiry: String?
        var checksum: String?
        var keyProtection: String?
        var decoded: String?
        var confidence: String
        var blocking: Bool
        var commit: String?
        var author: String?
        var date: String?
        /// `unreachable` for `--all-objects` findings no ref reaches.
        var source: String?
        var verification: String?
        var verificationReason: String?
        var verifiedIdentity: String?
        var verifiedHost: String?

        enum CodingKeys: String, CodingKey {
            case securitySeverity = "security-severity", status, tokenID = "token_id", owner, scopes, overScoped = "over_scoped"
            case excessScopes = "excess_scopes", expiry, checksum, keyProtection = "key_protection", decoded, confidence, blocking
            case commit, author, date, source, verification, verificationReason = "verification_reason"
            case verifiedIdentity = "verified_identity", verifiedHost = "verified_host"
        }
    }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]?
    }

    struct Notification: Encodable {
        var level: String
        var message: Message
    }
}
