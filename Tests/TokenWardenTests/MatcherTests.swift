import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

final class MatcherTests: XCTestCase {
    let token = "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"

    func testReportsLineColumnFingerprintAndRedaction() throws {
        let text = "first line\n  export GITHUB_TOKEN=\(token)\n"
        let f = try XCTUnwrap(TestSupport.scan(text, showSecrets: false).first)
        XCTAssertEqual(f.rule, "github-pat-classic")
        XCTAssertEqual(f.line, 2)
        XCTAssertEqual(f.column, 23)
        XCTAssertEqual(f.endLine, 2)
        XCTAssertEqual(f.endColumn, 62)
        XCTAssertNil(f.secret, "secrets are redacted unless asked for")
        XCTAssertEqual(f.redacted, "ghp_…YhBa")
        XCTAssertEqual(f.fingerprint, Fingerprint.sha256Hex(Array(token.utf8)))
        XCTAssertEqual(f.fingerprint.count, 64)
        XCTAssertEqual(f.length, 40)
    }

    func testShowSecretsFillsTheSecret() throws {
        XCTAssertEqual(try XCTUnwrap(TestSupport.scan("t=\(token)").first).secret, token)
    }

    func testSpecificRuleBeatsGenericOnTheSameSpan() {
        let findings = TestSupport.scan("GITHUB_TOKEN = \"\(token)\"")
        XCTAssertEqual(findings.map(\.rule), ["github-pat-classic"])
    }

    func testEveryMatchInAFileIsReported() {
        let other = "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"
        let findings = TestSupport.scan("a=\(token)\nb=\(other)\nc=\(token)")
        XCTAssertEqual(findings.map(\.line), [1, 2, 3])
    }

    func testGenericDecoysAreNotReported() {
        for text in [
            "session_token_id = \"3f2b8c1e-9a7d-4e6f-b5c4-2d1e0f9a8b7c\"",
            "api_key = process.env.PAYMENTS_API_KEY_PRODUCTION",
            "secret_key_sha = \"661fccd268a29a0d347301ef56e64dc3cd608906\"",
            "token: ${{ secrets.DEPLOY_TOKEN }}",
            "password = \"xxxxxxxxxxxxxxxxxxxx\"",
            "api_token = \"PasswordResetNotification\"",
        ] {
            XCTAssertEqual(TestSupport.scan(text).map(\.rule), [], text)
        }
    }

    func testGenericFindingInDocumentationDoesNotBlock() throws {
        let text = "SECRET_KEY = 'k7Qp2Lx9Vw4Rt8Zm3Nc6Bv1H'"
        XCTAssertTrue(try XCTUnwrap(TestSupport.scan(text, path: "app/settings.py").first).blocking)
        let doc = try XCTUnwrap(TestSupport.scan(text, path: "docs/config.rst").first)
        XCTAssertEqual(doc.confidence, .low)
        XCTAssertFalse(doc.blocking)
    }

    func testInvalidUTF8IsScannedAsBytes() {
        var bytes: [UInt8] = [0xFF, 0xFE, 0xC3, 0x28, 0x0A]
        bytes += Array("token=\(token)\n".utf8)
        bytes += [0xED, 0xA0, 0x80]
        let findings = Matcher(ruleSet: TestSupport.builtInRuleSet)
            .scan(Blob(bytes: bytes, provenance: Provenance(path: "x"))).matches
        XCTAssertEqual(findings.map(\.span.line), [2])
    }

    func testUTF16WithByteOrderMarkIsTranscoded() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "GITHUB_TOKEN=\(token)\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        XCTAssertEqual(TextDecoding.utf16ToUTF8(bytes).map { String(decoding: $0, as: UTF8.self) }, "GITHUB_TOKEN=\(token)\r\n")
    }

    func testPathRuleRunsOnlyOnMatchingPaths() {
        var rule = TestSupport.rule("t-path", keywords: [], regex: "\\A\\s*(?<secret>[A-Za-z0-9]{20})\\s*\\z")
        rule.path = "(^|/)token$"
        let rules = RuleSet([rule])
        XCTAssertEqual(TestSupport.scan("q8w7e6r5t4y3u2i1o9p0\n", path: "deploy/token", rules: rules).count, 1)
        XCTAssertEqual(TestSupport.scan("q8w7e6r5t4y3u2i1o9p0\n", path: "deploy/tokens.txt", rules: rules).count, 0)
    }

    func testPathologicalRegexHitsTheMatchLimitInsteadOfHanging() {
        let rule = TestSupport.rule("t-evil", keywords: ["a"], regex: "(a+)+$")
        let text = String(repeating: "a", count: 40) + "!"
        let result = Matcher(ruleSet: RuleSet([rule])).scan(Blob(bytes: Array(text.utf8), provenance: Provenance(path: "x")))
        XCTAssertTrue(result.matches.isEmpty)
        XCTAssertEqual(result.ruleErrors.count, 1)
        XCTAssertTrue(result.ruleErrors[0].message.contains("t-evil"), result.ruleErrors[0].message)
        XCTAssertEqual(result.ruleErrors[0].kind, .rule)
    }

    func testRedaction() {
        XCTAssertEqual(Redaction.redact(Array("xoxb-1234-5678-abcdefghijkl".utf8), publicPrefix: 5), "xoxb-…kl")
        XCTAssertEqual(Redaction.redact(Array("Zk3fQ9pL2mXw7Rt4Yb6Nc8Vd".utf8)), "…8Vd")
        XCTAssertEqual(Redaction.redact(Array("short".utf8)), "********")
    }
}
