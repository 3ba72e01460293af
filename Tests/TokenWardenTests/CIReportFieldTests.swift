import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// The fields GitHub code scanning, GitLab and JUnit consumers rank and track findings by: one
/// test per field, on the sample scan of `ReportFormatTests` (a leaked registered token, a decoded
/// catch-all match in documentation, a token from a commit).
extension ReportFormatTests {
    static let source = SourceRoot(
        directory: "/home/ci/work/repo", base: "src", head: "0123456789abcdef0123456789abcdef01234567", branch: "refs/heads/main",
        repositoryURI: "https://github.com/example/repo.git")

    func sarifRun(_ result: ScanResult = ReportFormatTests.sample(), source: SourceRoot? = nil) throws -> [String: Any] {
        try XCTUnwrap((json(SARIFReport.render(result, rules: Self.rules, source: source))["runs"] as? [[String: Any]])?.first)
    }

    func sarifResults(_ run: [String: Any]) throws -> [[String: Any]] {
        try XCTUnwrap(run["results"] as? [[String: Any]])
    }

    func sarifRules(_ run: [String: Any]) throws -> [String: [String: Any]] {
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rules.map { ($0["id"] as! String, $0) })
    }

    func testSARIFSecuritySeverityPerResultAndRule() throws {
        let run = try sarifRun()
        let scores = try sarifResults(run).map { ($0["properties"] as? [String: Any])?["security-severity"] as? String }
        // Leaked registered token: critical; a low-confidence catch-all: low; a medium-confidence token: medium.
        XCTAssertEqual(scores, ["9.5", "2.0", "5.5"])
        let rules = try sarifRules(run)
        func ruleScore(_ id: String) -> String? { (rules[id]?["properties"] as? [String: Any])?["security-severity"] as? String }
        // A rule is ranked by its most severe result (GitHub reads the rule's value only).
        XCTAssertEqual(ruleScore("github-pat-classic"), "9.5")
        XCTAssertEqual(ruleScore("codeocean-token"), "5.5")
        XCTAssertEqual(ruleScore("generic-api-key"), "2.0")
        // Without a leaked token, the rule's confidence decides: high → 8.0.
        var unleaked = Self.sample()
        unleaked.findings[0].verdict.status = .unregistered
        unleaked.findings[0].verdict.store = nil
        let plain = try sarifRun(unleaked)
        XCTAssertEqual(
            (try sarifRules(plain)["github-pat-classic"]?["properties"] as? [String: Any])?["security-severity"] as? String, "8.0")
        XCTAssertEqual(SecuritySeverity.of(.high).score, "8.0")
        XCTAssertTrue(SecuritySeverity.critical > SecuritySeverity.high)
    }

    func testSARIFPrimaryLocationLineHashFollowsTheLineNotItsNumberAndNeverHashesTheSecret() throws {
        let rule = Self.rules[0]
        let first = try XCTUnwrap(Self.sample().findings.first)
        let run = try sarifRun()
        let hashes = try sarifResults(run).map { ($0["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"] }
        for hash in hashes {
            let value = try XCTUnwrap(hash)
            XCTAssertNotNil(value.range(of: "^[0-9a-f]{16}:[0-9]+$", options: .regularExpression), value)
        }
        // Made from the text before the secret (blanks dropped, as GitHub drops them) and the published fingerprint.
        let hash = LineHash.of(rule: rule, context: Array("token = ".utf8), fingerprint: first.fingerprint)
        XCTAssertEqual(LineHash.of(rule: rule, context: Array("\ttoken=  ".utf8), fingerprint: first.fingerprint), hash)
        XCTAssertNotEqual(LineHash.of(rule: rule, context: Array("other = ".utf8), fingerprint: first.fingerprint), hash)
        XCTAssertNotEqual(LineHash.of(rule: rule, context: Array("token = ".utf8), fingerprint: String(repeating: "0", count: 64)), hash)
        // Built by the finding builder: a line that moves keeps its hash; the raw secret never goes in
        // (two secrets with one published fingerprint hash alike).
        let rules = RuleSet([TestSupport.rule("t", keywords: ["tok_"], regex: #"(tok_[a-z0-9]{20})"#)])
        let builder = FindingBuilder(ruleSet: rules)
        let matcher = Matcher(ruleSet: rules)
        let at1 = builder.scan(Blob(bytes: Array("key: tok_q8zr2mxv7lp4nw9ks3jd\n".utf8), provenance: Provenance(path: "a")), with: matcher)
        let at3 = builder.scan(
            Blob(bytes: Array("\n\nkey: tok_q8zr2mxv7lp4nw9ks3jd\n".utf8), provenance: Provenance(path: "a")), with: matcher)
        XCTAssertEqual(at1.first?.lineHash, at3.first?.lineHash)
        XCTAssertNotNil(at1.first?.lineHash)
        var forged = try XCTUnwrap(at1.first)
        forged.match.secret = Array("tok_m3kd9sl2pq7xw4nc8vb1".utf8)
        XCTAssertEqual(
            LineHash.of(rule: rules.rules[0], context: forged.match.context, fingerprint: forged.fingerprint), at1.first?.lineHash)
        // Identical lines in one file: GitHub's occurrence counter tells them apart.
        let twice = builder.scan(
            Blob(bytes: Array("key: tok_q8zr2mxv7lp4nw9ks3jd\nkey: tok_q8zr2mxv7lp4nw9ks3jd\n".utf8), provenance: Provenance(path: "a")),
            with: matcher)
        let counted = SARIFReport.occurrenceCounted(twice)
        XCTAssertEqual(counted.map { $0?.split(separator: ":").last }, ["1", "2"])
        XCTAssertEqual(Set(counted.map { $0?.split(separator: ":").first }).count, 1)
    }

    func testUTF16ColumnsOnACJKLine() throws {
        // 18 CJK characters (3 bytes each) and `k = ` before the token: byte column 59, UTF-16 column 23
        // (checked against Python: len(prefix.encode("utf-16-le")) // 2 + 1).
        let line = String(repeating: "漢", count: 18) + "k = tok_q8zr2mxv7lp4nw9ks3jd 😀 tok_h5tb1cwe6ya0gu8fi2ro"
        let rules = RuleSet([TestSupport.rule("t", keywords: ["tok_"], regex: #"(tok_[a-z0-9]{20})"#)])
        let found = TestSupport.scan(line + "\n", rules: rules)
        XCTAssertEqual(found.map(\.column), [59, 89])
        XCTAssertEqual(found.map(\.span.utf16Column), [23, 51])
        // Exclusive end: 24 units of token; the emoji before the second token counts two.
        XCTAssertEqual(found.map(\.span.utf16EndColumn), [47, 75])
        var result = ScanResult()
        result.findings = found
        let region = try XCTUnwrap(
            (try sarifResults(try XCTUnwrap((json(SARIFReport.render(result, rules: []))["runs"] as? [[String: Any]])?.first))).first?[
                "locations"] as? [[String: Any]])
        let physical = try XCTUnwrap(region.first?["physicalLocation"] as? [String: Any])
        let r = try XCTUnwrap(physical["region"] as? [String: Int])
        XCTAssertEqual(r["startColumn"], 23)
        XCTAssertEqual(r["endColumn"], 47)
        XCTAssertEqual(try sarifRun()["columnKind"] as? String, "utf16CodeUnits")
        // GitHub annotations count the same way (endColumn inclusive).
        XCTAssertTrue(
            Annotations.github(result).hasPrefix("::error file=file.txt,line=1,col=23,endLine=1,endColumn=46,"), Annotations.github(result))
        // A span read back from an old report has byte columns only: they are used as they are.
        let old = SourceSpan(line: 1, column: 5, endLine: 1, endColumn: 9)
        XCTAssertEqual(old.characterColumn, 5)
        XCTAssertEqual(old.characterEndColumn, 10)
    }

    func testSARIFPathsAreFromTheRepositoryTopWithItsBaseAndCommit() throws {
        // A path scan run in `src/`: its paths are relative to `src/`.
        var pathScan = Self.sample()
        pathScan.findings.removeLast()
        let run = try sarifRun(pathScan, source: Self.source)
        let uris = try sarifResults(run).map {
            (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: String]
        }
        XCTAssertEqual(uris.map { $0?["uri"] }, ["src/.env", "src/docs/setup%20%26%20usage.md"])
        XCTAssertEqual(Set(uris.map { $0?["uriBaseId"] }), ["%SRCROOT%"])
        let bases = try XCTUnwrap(run["originalUriBaseIds"] as? [String: [String: String]])
        XCTAssertEqual(bases["%SRCROOT%"]?["uri"], "file:///home/ci/work/repo/")
        let provenance = try XCTUnwrap((run["versionControlProvenance"] as? [[String: Any]])?.first)
        XCTAssertEqual(provenance["revisionId"] as? String, Self.source.head)
        XCTAssertEqual(provenance["branch"] as? String, "refs/heads/main")
        XCTAssertEqual(provenance["repositoryUri"] as? String, "https://github.com/example/repo.git")
        XCTAssertEqual((provenance["mappedTo"] as? [String: String])?["uriBaseId"], "%SRCROOT%")
        try assertValid(SARIFReport.render(Self.sample(), rules: Self.rules, source: Self.source), schema: "sarif-schema-2.1.0.json")
        // In git modes paths are already the repository's; outside the top they stay as they are.
        let gitMode = SourceRoot(directory: "/r")
        XCTAssertEqual(gitMode.repositoryPath("a/b.env"), "a/b.env")
        XCTAssertEqual(SourceRoot(directory: "/r", base: "src").repositoryPath("../x.env"), "x.env")
        XCTAssertNil(SourceRoot(directory: "/r", base: "src").repositoryPath("../../etc/x"))
        XCTAssertNil(gitMode.repositoryPath("<stdin>"))
    }

    func testRepositoryURIsLoseTheirCredentials() {
        XCTAssertEqual(SourceRoot.withoutCredentials("https://user:ghp_secret@github.com/o/r.git"), "https://github.com/o/r.git")
        XCTAssertEqual(SourceRoot.withoutCredentials("https://github.com/o/r"), "https://github.com/o/r")
        XCTAssertEqual(SourceRoot.withoutCredentials("git@github.com:o/r.git"), "ssh://github.com/o/r.git")
        XCTAssertNil(SourceRoot.withoutCredentials("https://x\n.example/"))
        XCTAssertNil(SourceRoot.withoutCredentials("/srv/git/r.git"))
    }

    func testSARIFHelpMarkdownAndHelpURIFromTheRuleReferences() throws {
        let rule = try XCTUnwrap(try sarifRules(try sarifRun())["github-pat-classic"])
        XCTAssertEqual(rule["helpUri"] as? String, Self.rules[0].references.first)
        let help = try XCTUnwrap(rule["help"] as? [String: String])
        XCTAssertEqual(help["text"], Self.rules[0].remediation)
        let markdown = try XCTUnwrap(help["markdown"])
        XCTAssertTrue(markdown.hasPrefix("**Remediation:** Revoke it under GitHub"), markdown)
        XCTAssertTrue(markdown.contains("**References:**\n- <\(Self.rules[0].references[0])>"), markdown)
    }

    func testSARIFHistoryFindingsNameTheirCommit() throws {
        let results = try sarifResults(try sarifRun())
        let history = try XCTUnwrap(results.last)
        XCTAssertTrue(((history["message"] as? [String: String])?["text"] ?? "").contains("in commit 3f2a9c1d0e4b"))
        let properties = try XCTUnwrap(history["properties"] as? [String: Any])
        XCTAssertEqual(properties["commit"] as? String, "3f2a9c1d0e4b5a6f7081928374655647382910ab")
        XCTAssertEqual(properties["author"] as? String, "Zoë O'Brien")
    }

    func testDecodedFindingsSayHowInEveryCIFormat() throws {
        let sample = Self.sample()
        XCTAssertEqual(sample.findings[1].decoded, "base64")
        let sarif = try sarifResults(try sarifRun())[1]
        XCTAssertEqual((sarif["properties"] as? [String: Any])?["decoded"] as? String, "base64")
        XCTAssertTrue(((sarif["message"] as? [String: String])?["text"] ?? "").contains("decoded: base64"))
        let gitlab = try json(GitLabReport.render(sample, rules: Self.rules, finishedAt: Self.finishedAt))
        let vulnerability = try XCTUnwrap((gitlab["vulnerabilities"] as? [[String: Any]])?[1])
        let details = try XCTUnwrap(vulnerability["details"] as? [String: [String: Any]])
        XCTAssertEqual(details["decoded"]?["value"] as? String, "base64")
        let junit = JUnitReport.render(sample, finishedAt: Self.finishedAt)
        XCTAssertTrue(
            junit.contains("message=\"not blocking (low confidence): Generic API key assignment: …x9Qa; decoded: base64\""), junit)
        XCTAssertTrue(Annotations.github(sample).contains("decoded: base64"))
    }

    func testGitLabWorkTreeFindingsGetTheHeadCommit() throws {
        let gitlab = try json(GitLabReport.render(Self.sample(), rules: Self.rules, finishedAt: Self.finishedAt, source: Self.source))
        let vulnerabilities = try XCTUnwrap(gitlab["vulnerabilities"] as? [[String: Any]])
        let shas = vulnerabilities.map { (($0["location"] as? [String: Any])?["commit"] as? [String: Any])?["sha"] as? String }
        // Work-tree findings: HEAD; the history finding keeps its own commit.
        XCTAssertEqual(shas, [Self.source.head, Self.source.head, "3f2a9c1d0e4b5a6f7081928374655647382910ab"])
        XCTAssertEqual(((vulnerabilities[0]["location"] as? [String: Any])?["file"] as? String), "src/.env")
        // Without a repository (outside git) the analyzer's placeholder stays.
        let outside = try json(GitLabReport.render(Self.sample(), rules: Self.rules, finishedAt: Self.finishedAt))
        let first = try XCTUnwrap((outside["vulnerabilities"] as? [[String: Any]])?.first)
        XCTAssertEqual(((first["location"] as? [String: Any])?["commit"] as? [String: Any])?["sha"] as? String, "0000000")
        try assertValid(
            GitLabReport.render(Self.sample(), rules: Self.rules, finishedAt: Self.finishedAt, source: Self.source),
            schema: "gitlab-secret-detection-report-format-15.0.7.json")
    }

    func testJUnitHasATimestampAndTestNamesThatSurviveLineMoves() throws {
        let xml = JUnitReport.render(Self.sample(), finishedAt: Self.finishedAt)
        // The scan's start: 42 ms before it finished, to the second.
        XCTAssertTrue(xml.contains("<testsuite name=\"tokenwarden\" tests=\"3\""), xml)
        XCTAssertTrue(xml.contains("timestamp=\"2023-11-14T22:13:19\""), xml)
        var moved = Self.sample()
        moved.findings[0].match.span.line += 7
        let names = { (r: ScanResult) in r.findings.map(JUnitReport.testName) }
        XCTAssertEqual(names(moved), names(Self.sample()))
        XCTAssertEqual(names(Self.sample())[0], "github-pat-classic in .env [\(Self.sample().findings[0].fingerprint.prefix(12))]")
        // The same secret twice in one file: two cases, told apart.
        var twice = Self.sample()
        twice.findings.append(twice.findings[0])
        let doubled = JUnitReport.render(twice, finishedAt: Self.finishedAt)
        XCTAssertTrue(doubled.contains("name=\"\(names(Self.sample())[0]) #2\""), doubled)
    }
}
