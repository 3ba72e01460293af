import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// The CI report formats: exact golden files (so ordering and escaping stay stable), the escaping
/// rules of each format, merging of sharded JSON reports, and validation against the official SARIF
/// 2.1.0 and GitLab secret-detection schemas (with Python's `jsonschema`).
///
/// To regenerate the golden files after an intended change: `TOKENWARDEN_UPDATE_GOLDENS=1 swift test
/// --filter ReportFormatTests`, then review the diff of `Fixtures/reports/`.
final class ReportFormatTests: XCTestCase {
    /// Filled in as `--show-secrets` would; no CI format may ever print it.
    static let rawSecret = "RAW-SECRET-never-in-a-ci-report-0123456789"
    static let finishedAt = Date(timeIntervalSince1970: 1_700_000_000)

    static let rules: [Rule] = [
        Rule(
            id: "github-pat-classic", service: "github", description: "GitHub classic personal access token (ghp_)",
            keywords: ["ghp_"], regex: #"\b(ghp_[A-Za-z0-9]{36})\b"#, checksum: "github-crc32", confidence: .high,
            remediation: "Revoke it under GitHub → Settings → Developer settings, then issue a fine-grained token.",
            references: [
                "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens"
            ]),
        Rule(
            id: "codeocean-token", service: "codeocean", description: "Code Ocean API access token",
            keywords: ["cop_"], regex: #"\b(cop_[A-Za-z0-9]{32,64})\b"#, confidence: .medium,
            remediation: "Revoke it in Code Ocean under Account → Access Tokens and issue a read-only token."),
        // No finding: must not appear among SARIF's rules.
        Rule(
            id: "zenodo-token", service: "zenodo", description: "Zenodo personal access token", keywords: ["zenodo"],
            regex: #"([A-Za-z0-9]{60})"#, confidence: .medium),
    ]

    /// Three findings: a leaked registered token (blocking), a catch-all match decoded from base64 in
    /// documentation whose rule is not in the rule list (not blocking), and a token from git history (blocking).
    static func sample() -> ScanResult {
        var result = ScanResult()
        func finding(
            _ rule: String, _ service: String, _ description: String, path: String, span: SourceSpan, redacted: String,
            fingerprintOf value: String, length: Int, entropy: Double, checksum: ChecksumStatus? = nil,
            source: Provenance.Source = .file, decoded: String? = nil, remediation: String? = nil, verdict: Verdict
        ) -> Finding {
            let provenance = Provenance(path: path, source: source)
            let fingerprint = Fingerprint.sha256Hex(Array(value.utf8))
            let lineHash = LineHash.of(
                rule: TestSupport.rule(rule, keywords: [], regex: ""), context: Array("key = ".utf8), fingerprint: fingerprint)
            return Finding(
                match: Match(rule: rule, span: span, secret: Array(rawSecret.utf8), entropy: entropy, checksum: checksum),
                provenance: decoded.map { provenance.decoded($0) } ?? provenance,
                about: RuleFacts(service: service, description: description, remediation: remediation),
                published: PublishedSecret(
                    shown: rawSecret, redacted: redacted, fingerprint: fingerprint, length: length, lineHash: lineHash),
                verdict: verdict)
        }
        let commit = CommitRef(
            id: "3f2a9c1d0e4b5a6f7081928374655647382910ab", author: "Zoë O'Brien", email: "zoe@example.org",
            date: "2024-05-01T12:00:00Z")
        result.findings = [
            finding(
                "github-pat-classic", "github", "GitHub classic personal access token (ghp_)", path: ".env",
                span: SourceSpan(line: 2, column: 14, endLine: 2, endColumn: 53), redacted: "ghp_…YkY9", fingerprintOf: rawSecret,
                length: 40, entropy: 4.634, checksum: .valid,
                remediation: "Revoke it under GitHub → Settings → Developer settings, then issue a fine-grained token.",
                verdict: Verdict(
                    confidence: .high, status: .leaked,
                    store: StoreVerdict(
                        tokenID: "gh-ci-bot", owner: "platform-team", scopes: ["repo", "workflow"],
                        overScoped: true, excessScopes: ["workflow"], expiry: .expiringSoon),
                    blocking: true)),
            finding(
                "generic-api-key", "generic", "Generic API key assignment", path: "docs/setup & usage.md",
                span: SourceSpan(line: 5, column: 9, endLine: 5, endColumn: 40), redacted: "…x9Qa", fingerprintOf: "docs-value",
                length: 32, entropy: 3.9, decoded: "base64", verdict: Verdict(confidence: .low, status: .unregistered, blocking: false)),
            finding(
                "codeocean-token", "codeocean", "Code Ocean API access token", path: "src/run_capsule.py",
                span: SourceSpan(line: 3, column: 57, endLine: 3, endColumn: 92), redacted: "cop_…x9Qa", fingerprintOf: "history-value",
                length: 36, entropy: 4.2, source: .change(commit, blob: ""),
                remediation: "Revoke it in Code Ocean under Account → Access Tokens and issue a read-only token.",
                verdict: Verdict(confidence: .medium, blocking: true)),
        ]
        result.skipped = [Skip(path: "logo.png", reason: .binary, detail: "NUL byte in the first 8 KiB")]
        result.summary.filesScanned = 8
        result.summary.bytesScanned = 1234
        result.summary.filesSkipped = 1
        result.summary.findings = 3
        result.summary.blocking = 2
        result.summary.suppressed = 1
        result.summary.durationMilliseconds = 42
        return result
    }

    /// A scan that could not read everything.
    static func incomplete() -> ScanResult {
        var result = ScanResult()
        result.errors = [ScanError(.rule, "rule 'x': PCRE2 match limit exceeded in a;b]c%d.txt", path: "a;b]c%d.txt")]
        result.skipped = [Skip(path: "secret/key.pem", reason: .unreadable, detail: "Permission denied")]
        result.summary.filesSkipped = 1
        result.summary.durationMilliseconds = 3
        return result
    }

    // MARK: Golden files

    func testSARIFGolden() throws {
        try assertGolden(SARIFReport.render(Self.sample(), rules: Self.rules), "sarif.golden")
    }

    func testJUnitGolden() throws {
        try assertGolden(JUnitReport.render(Self.sample(), finishedAt: Self.finishedAt), "junit.golden")
    }

    func testGitLabGolden() throws {
        try assertGolden(GitLabReport.render(Self.sample(), rules: Self.rules, finishedAt: Self.finishedAt), "gitlab.golden")
    }

    func testGitHubAnnotationsGolden() throws {
        try assertGolden(Annotations.github(Self.sample()), "github-annotations.golden")
    }

    func testAzureAnnotationsGolden() throws {
        try assertGolden(Annotations.azure(Self.sample()), "azure-annotations.golden")
    }

    func testJSONGolden() throws {
        try assertGolden(JSONReport.render(Self.sample()), "json.golden")
        try assertGolden(JSONReport.render(Self.incomplete()), "json-incomplete.golden")
    }

    func testJSONLinesGolden() throws {
        try assertGolden(JSONReport.renderLines(Self.sample()), "jsonl.golden")
    }

    func testTextGolden() throws {
        try assertGolden(TextReport.render(Self.sample(), verbose: true), "text.golden")
    }

    func testNoFormatPrintsTheRawSecret() throws {
        for result in [Self.sample(), Self.incomplete()] {
            let outputs = [
                try SARIFReport.render(result, rules: Self.rules), JUnitReport.render(result, finishedAt: Self.finishedAt),
                try GitLabReport.render(result, rules: Self.rules, finishedAt: Self.finishedAt),
                Annotations.github(result), Annotations.azure(result),
            ]
            for output in outputs { XCTAssertFalse(output.contains(Self.rawSecret), output) }
        }
    }

    func testRenderingIsDeterministic() throws {
        XCTAssertEqual(
            try SARIFReport.render(Self.sample(), rules: Self.rules), try SARIFReport.render(Self.sample(), rules: Self.rules.reversed()))
        XCTAssertEqual(
            try GitLabReport.render(Self.sample(), rules: Self.rules, finishedAt: Self.finishedAt),
            try GitLabReport.render(Self.sample(), rules: Self.rules.reversed(), finishedAt: Self.finishedAt))
    }

    // MARK: SARIF

    func testSARIFListsOnlyRulesWithFindingsAndIndexesThem() throws {
        let doc = try json(SARIFReport.render(Self.sample(), rules: Self.rules))
        let run = try XCTUnwrap((doc["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let ruleIDs = try XCTUnwrap(driver["rules"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        XCTAssertEqual(ruleIDs, ["codeocean-token", "generic-api-key", "github-pat-classic"])
        for result in try XCTUnwrap(run["results"] as? [[String: Any]]) {
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(ruleIDs[index], result["ruleId"] as? String)
        }
        let levels = try XCTUnwrap(run["results"] as? [[String: Any]]).compactMap { $0["level"] as? String }
        XCTAssertEqual(levels, ["error", "note", "error"])
    }

    func testSARIFFingerprintIgnoresPosition() {
        var f = Self.sample().findings[0]
        let before = SARIFReport.fingerprint(f)
        f.match.span.line += 10
        f.match.span.column = 1
        XCTAssertEqual(SARIFReport.fingerprint(f), before)
        f.provenance.path = "other/.env"
        XCTAssertNotEqual(SARIFReport.fingerprint(f), before)
    }

    func testSARIFURIs() {
        XCTAssertEqual(SARIFReport.artifactLocation("dir/a b:c%#?é.txt").uri, "dir/a%20b%3Ac%25%23%3F%C3%A9.txt")
        XCTAssertEqual(SARIFReport.artifactLocation("dir/a b:c%#?é.txt").uriBaseId, "%SRCROOT%")
        XCTAssertEqual(SARIFReport.artifactLocation("/tmp/x y").uri, "file:///tmp/x%20y")
        XCTAssertNil(SARIFReport.artifactLocation("/tmp/x y").uriBaseId)
        XCTAssertEqual(SARIFReport.pascalCase("github-pat-classic"), "GithubPatClassic")
        XCTAssertEqual(SARIFReport.pascalCase("aws.access_key-id2"), "AwsAccessKeyId2")
    }

    func testSARIFMarksAnIncompleteScan() throws {
        let doc = try json(SARIFReport.render(Self.incomplete(), rules: []))
        let run = try XCTUnwrap((doc["runs"] as? [[String: Any]])?.first)
        let invocation = try XCTUnwrap((run["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(invocation["executionSuccessful"] as? Bool, false)
        XCTAssertEqual((invocation["toolExecutionNotifications"] as? [Any])?.count, 2)
        XCTAssertEqual((run["results"] as? [Any])?.count, 0)
    }

    // MARK: JUnit

    func testJUnitEscaping() {
        XCTAssertEqual(JUnitReport.attribute("<a & 'b'> \"c\"\t\n\r"), "&lt;a &amp; &apos;b&apos;&gt; &quot;c&quot;&#9;&#10;&#13;")
        XCTAssertEqual(JUnitReport.text("<a & 'b'> \"c\"\t\n\r"), "&lt;a &amp; 'b'&gt; \"c\"\t\n&#13;")
        XCTAssertEqual(JUnitReport.text("bell\u{7} nul\u{0} esc\u{1B} \u{FFFF}"), "bell\\u{7} nul\\u{0} esc\\u{1b} \\u{ffff}")
        XCTAssertEqual(JUnitReport.text("]]>"), "]]&gt;")
        XCTAssertEqual(JUnitReport.text("Zoë → ✓"), "Zoë → ✓")
    }

    func testJUnitIsNeverEmpty() {
        let xml = JUnitReport.render(ScanResult(), finishedAt: Self.finishedAt)
        XCTAssertTrue(xml.contains(#"<testsuite name="tokenwarden" tests="1" failures="0" errors="0" skipped="0""#), xml)
        XCTAssertTrue(xml.contains(#"<testcase classname="tokenwarden" name="no secrets found"/>"#), xml)
    }

    func testJUnitReportsAnIncompleteScanAsAnError() {
        let xml = JUnitReport.render(Self.incomplete(), finishedAt: Self.finishedAt)
        XCTAssertTrue(xml.contains(#"tests="2" failures="0" errors="1" skipped="0""#), xml)
        XCTAssertTrue(xml.contains("could not read secret/key.pem: Permission denied"), xml)
    }

    func testJUnitIsWellFormedXML() throws {
        var odd = Self.sample()
        odd.findings[0].provenance.path = "we\u{1}ird <&> \"dir\"/fi]]>le\u{7F}.env"
        odd.findings[0].about.description = "tab\there\nnewline\r\u{0}"
        for xml in [
            JUnitReport.render(odd, finishedAt: Self.finishedAt), JUnitReport.render(Self.incomplete(), finishedAt: Self.finishedAt),
            JUnitReport.render(ScanResult(), finishedAt: Self.finishedAt),
        ] {
            let run = try python(["-c", "import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])", try temporary(xml, "report.xml")])
            XCTAssertEqual(run.status, 0, run.stderr + "\n" + xml)
        }
    }

    // MARK: Annotations

    func testGitHubEscaping() {
        XCTAssertEqual(Annotations.githubData("50% done\r\nnext: a,b"), "50%25 done%0D%0Anext: a,b")
        XCTAssertEqual(Annotations.githubProperty("50% done\r\nnext: a,b"), "50%25 done%0D%0Anext%3A a%2Cb")
        var result = ScanResult()
        var f = Self.sample().findings[0]
        f.provenance.path = "a,b:c%d\ne.txt"
        result.findings = [f]
        let line = Annotations.github(result)
        XCTAssertTrue(
            line.hasPrefix(
                "::error file=a%2Cb%3Ac%25d%0Ae.txt,line=2,col=14,endLine=2,endColumn=53,title=tokenwarden%3A github-pat-classic::"), line)
        XCTAssertEqual(line.filter { $0 == "\n" }.count, 1, "one command, one line")
    }

    func testAzureEscaping() {
        XCTAssertEqual(Annotations.azureEscape("a;b]c%d\r\ne"), "a%3Bb%5Dc%AZP25d%0D%0Ae")
        XCTAssertEqual(Annotations.azureEscape("%3B"), "%AZP253B", "percent is escaped first")
        var result = ScanResult()
        var f = Self.sample().findings[1]
        f.provenance.path = "x;y]z.md"
        result.findings = [f]
        let line = Annotations.azure(result)
        XCTAssertTrue(
            line.hasPrefix("##vso[task.logissue type=warning;sourcepath=x%3By%5Dz.md;linenumber=5;columnnumber=9;code=generic-api-key]"),
            line)
        XCTAssertEqual(line.filter { $0 == "\n" }.count, 1, "one command, one line")
    }

    func testAnnotationsForAnIncompleteScan() {
        XCTAssertEqual(Annotations.github(ScanResult()), "")
        XCTAssertEqual(Annotations.azure(ScanResult()), "")
        XCTAssertEqual(
            Annotations.github(Self.incomplete()),
            """
            ::error title=tokenwarden%3A incomplete scan::rule 'x': PCRE2 match limit exceeded in a;b]c%25d.txt
            ::error title=tokenwarden%3A incomplete scan::could not read secret/key.pem: Permission denied

            """)
        XCTAssertEqual(
            Annotations.azure(Self.incomplete()),
            """
            ##vso[task.logissue type=error;code=tokenwarden]incomplete scan: rule 'x': PCRE2 match limit exceeded in a%3Bb%5Dc%AZP25d.txt
            ##vso[task.logissue type=error;code=tokenwarden]incomplete scan: could not read secret/key.pem: Permission denied

            """)
    }

    // MARK: GitLab

    func testGitLabTimesAndSeverities() throws {
        XCTAssertEqual(ReportTimestamp.utc(Self.finishedAt), "2023-11-14T22:13:20")
        let doc = try json(GitLabReport.render(Self.sample(), rules: Self.rules, finishedAt: Self.finishedAt))
        let scan = try XCTUnwrap(doc["scan"] as? [String: Any])
        XCTAssertEqual(scan["start_time"] as? String, "2023-11-14T22:13:19")
        XCTAssertEqual(scan["end_time"] as? String, "2023-11-14T22:13:20")
        let vulnerabilities = try XCTUnwrap(doc["vulnerabilities"] as? [[String: Any]])
        XCTAssertEqual(vulnerabilities.compactMap { $0["severity"] as? String }, ["Critical", "Low", "High"])
        XCTAssertEqual(Set(vulnerabilities.compactMap { $0["id"] as? String }).count, 3)
        let commits = vulnerabilities.compactMap { ($0["location"] as? [String: Any])?["commit"] as? [String: Any] }
        XCTAssertEqual(commits.compactMap { $0["sha"] as? String }, ["0000000", "0000000", "3f2a9c1d0e4b5a6f7081928374655647382910ab"])
    }

    // MARK: Merge

    func testMergeOfShardsEqualsTheWholeScan() throws {
        let whole = Self.sample()
        var a = ScanResult(), b = ScanResult()
        a.findings = [whole.findings[0], whole.findings[2]]
        a.skipped = whole.skipped
        a.summary.filesScanned = 5
        a.summary.bytesScanned = 1000
        a.summary.filesSkipped = 1
        a.summary.findings = 2
        a.summary.blocking = 2
        a.summary.suppressed = 1
        a.summary.durationMilliseconds = 42
        b.findings = [whole.findings[1]]
        b.summary.filesScanned = 3
        b.summary.bytesScanned = 234
        b.summary.findings = 1
        b.summary.durationMilliseconds = 17
        let merged = try ReportMerge.merge([JSONReport.render(b), JSONReport.render(a)])
        XCTAssertEqual(merged.findings, whole.findings)
        XCTAssertEqual(merged.skipped, whole.skipped)
        XCTAssertEqual(merged.errors, whole.errors)
        XCTAssertEqual(merged.summary, whole.summary)
        XCTAssertEqual(try JSONReport.render(merged), try JSONReport.render(whole))
    }

    func testMergeDropsDuplicateFindingsAndJoinsErrors() throws {
        var a = Self.sample()
        a.errors = [ScanError(.git, "b error"), ScanError(.rule, "a error")]
        var b = Self.incomplete()
        b.findings = [a.findings[1]]
        b.errors = [ScanError(.rule, "a error")]
        let merged = try ReportMerge.merge([JSONReport.render(a), JSONReport.render(b), JSONReport.render(a)])
        XCTAssertEqual(merged.findings, a.findings)
        XCTAssertEqual(merged.errors.map(\.message), ["a error", "b error"])
        XCTAssertEqual(merged.skipped.map(\.path), ["logo.png", "secret/key.pem"])
        XCTAssertEqual(merged.summary.findings, 3)
        XCTAssertEqual(merged.summary.blocking, 2)
        XCTAssertEqual(merged.summary.filesSkipped, 2)
        XCTAssertEqual(merged.summary.filesScanned, 16)
        XCTAssertEqual(merged.summary.durationMilliseconds, 42)
    }

    func testMergeNamesTheBadReport() throws {
        let good = try JSONReport.render(Self.sample())
        func error(_ reports: [(name: String, json: String)]) -> String {
            do {
                _ = try ReportMerge.merge(named: reports)
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertEqual(error([]), "no reports to merge")
        XCTAssertEqual(
            error([("shard-1.json", good), ("shard-2.json", "{")]),
            "shard-2.json: not valid JSON (merge reads --format json reports)")
        XCTAssertEqual(error([("shard-1.json", "[1, 2]")]), "shard-1.json: not a tokenwarden JSON report (expected a JSON object)")
        XCTAssertEqual(
            error([("s.json", #"{"tool": "tokenwarden", "schema": 1}"#)]), "s.json: not a tokenwarden JSON report: missing 'findings'")
        XCTAssertEqual(
            error([("s.json", good.replacingOccurrences(of: #""tool" : "tokenwarden""#, with: #""tool" : "gitleaks""#))]),
            "s.json: not a tokenwarden report (tool is 'gitleaks')")
        XCTAssertEqual(
            error([("s.json", good.replacingOccurrences(of: #""schema" : 1"#, with: #""schema" : 7"#))]),
            "s.json: JSON report schema 7 is not supported (this tokenwarden reads schema 1)")
        let badLine = error([("s.json", good.replacingOccurrences(of: #""line" : 5"#, with: #""line" : "five""#))])
        XCTAssertTrue(badLine.hasPrefix("s.json: wrong type at 'findings[1].line'"), badLine)
        XCTAssertFalse(badLine.contains("\n"))
        do {
            _ = try ReportMerge.merge([good, "not json"])
            XCTFail("merged a bad report")
        } catch let e as InputError {
            XCTAssertEqual(e.description, "report 2: not valid JSON (merge reads --format json reports)")
        }
    }

    // MARK: Official schemas

    func testSARIFValidatesAgainstTheOfficialSchema() throws {
        for result in [Self.sample(), Self.incomplete(), ScanResult()] {
            try assertValid(SARIFReport.render(result, rules: Self.rules), schema: "sarif-schema-2.1.0.json")
        }
        try assertValid(
            SARIFReport.render(Self.sample(), rules: Self.rules, informationURI: "https://example.org/tokenwarden"),
            schema: "sarif-schema-2.1.0.json")
    }

    func testGitLabReportValidatesAgainstTheOfficialSchema() throws {
        for result in [Self.sample(), Self.incomplete(), ScanResult()] {
            try assertValid(
                GitLabReport.render(result, rules: Self.rules, finishedAt: Self.finishedAt),
                schema: "gitlab-secret-detection-report-format-15.0.7.json")
        }
    }

    /// The validation can fail: a broken document is rejected by both schemas.
    func testSchemaValidationRejectsBrokenReports() throws {
        let sarif = try SARIFReport.render(Self.sample(), rules: Self.rules).replacingOccurrences(
            of: #""version" : "2.1.0""#, with: #""version" : "2.0.0""#)
        XCTAssertFalse(try isValid(sarif, schema: "sarif-schema-2.1.0.json"))
        let gitlab = try GitLabReport.render(Self.sample(), rules: Self.rules, finishedAt: Self.finishedAt)
            .replacingOccurrences(of: #""severity" : "Critical""#, with: #""severity" : "Severe""#)
        XCTAssertFalse(try isValid(gitlab, schema: "gitlab-secret-detection-report-format-15.0.7.json"))
    }

    // MARK: Helpers

    func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try Golden.assertMatches(actual, "reports/" + name, file: file, line: line)
    }

    func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func temporary(_ text: String, _ name: String) throws -> String {
        let url = try TestSupport.temporaryDirectory(self).appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Runs python3, skipping the test when it (or the module a check needs) is not installed.
    func python(_ arguments: [String], needs module: String? = nil) throws -> CLITestCase.Run {
        let probe = try CLITestCase.execute(
            "/usr/bin/env", ["python3", "-c", "import \(module ?? "sys")"], in: nil, stdin: nil, environment: [:])
        if probe.status != 0 { throw XCTSkip("python3\(module.map { " with \($0)" } ?? "") is not installed: \(probe.stderr)") }
        return try CLITestCase.execute("/usr/bin/env", ["python3"] + arguments, in: nil, stdin: nil, environment: [:])
    }

    static let validator = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        document = json.load(open(sys.argv[2], encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        errors = sorted(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(document), key=lambda e: list(e.absolute_path))
        for e in errors:
            print("/".join(str(p) for p in e.absolute_path) or "<root>", ":", e.message)
        sys.exit(1 if errors else 0)
        """

    func isValid(_ document: String, schema: String) throws -> Bool {
        let schemaPath = TestSupport.fixtures.appendingPathComponent(schema).path
        let run = try python(["-c", Self.validator, schemaPath, try temporary(document, "document.json")], needs: "jsonschema")
        if run.status > 1 { XCTFail("the validator did not run: \(run.stderr)") }
        return run.status == 0
    }

    func assertValid(_ document: String, schema: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let schemaPath = TestSupport.fixtures.appendingPathComponent(schema).path
        let run = try python(["-c", Self.validator, schemaPath, try temporary(document, "document.json")], needs: "jsonschema")
        XCTAssertEqual(run.status, 0, "not valid against \(schema):\n\(run.stdout)\(run.stderr)", file: file, line: line)
    }
}
