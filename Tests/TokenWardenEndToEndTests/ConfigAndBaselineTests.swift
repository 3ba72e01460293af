import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// `.tokenwarden.yaml`, `--baseline`, allow lists and the blocking policy, end to end.
final class ConfigAndBaselineTests: CLITestCase {
    let token = "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"
    let other = "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"

    private func findings(_ r: Run) throws -> [Finding] {
        try report(r).findings
    }

    func testMalformedConfigsNameTheKey() throws {
        let cases: [(String, String)] = [
            ("exclude_path: [a]\n", "unknown key 'exclude_path'"),
            ("max_file_size: -3\n", "'max_file_size' must be a positive number"),
            ("max_file_size: big\n", "'max_file_size' must be a whole number"),
            ("fail_on: {confidence: extreme}\n", "'fail_on.confidence' must be low, medium or high"),
            ("fail_on: {status: [lost]}\n", "'fail_on.status' entries must be leaked or unregistered"),
            ("allow: {fingerprints: [abc]}\n", "'allow.fingerprints' entries must be 64 hex digits"),
            ("allow: {secrets: ['(unclosed']}\n", "'allow.secrets' pattern '(unclosed' does not compile"),
            ("allow: {path: [x]}\n", "unknown key 'path' in allow"),
            ("allow: {paths: ['(vendor']}\n", "'allow.paths' pattern '(vendor' does not compile"),
            ("entropy: {hex: 3}\n", "'entropy' needs hex, alnum and base64"),
            ("disabled_rules: [no-such-rule]\n", "unknown rule 'no-such-rule'"),
            ("version: 3\n", "unsupported config version 3"),
            ("policy: {max_age_days: soon}\n", "'max_age_days' must be a whole number"),
            ("rules: [: bad\n", "malformed YAML"),
        ]
        let repo = try makeRepository()
        for (yaml, expected) in cases {
            try write(yaml, to: ".tokenwarden.yaml", in: repo)
            let r = try run(["scan", "."], in: repo)
            XCTAssertEqual(r.status, 2, yaml)
            XCTAssertTrue(r.stderr.contains(expected), "\(expected) not in: \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(".tokenwarden.yaml"), r.stderr)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        }
        XCTAssertEqual(try run(["scan", "--config", "missing.yaml", "."], in: repo).status, 2)
    }

    func testConfigEffects() throws {
        let repo = try makeRepository()
        try write("A=\(token)\n", to: "src/a.env", in: repo)
        try write("B=\(other)\n", to: "vendor/lib/b.env", in: repo)
        try write("C=\(other)\n", to: "fixtures/c.env", in: repo)
        var r = try run(["scan", "-f", "json", "."], in: repo)
        XCTAssertEqual(try findings(r).count, 3)

        let fingerprint = Fingerprint.sha256Hex(Array(token.utf8))
        try write(
            """
            version: 1
            exclude_paths: [vendor/, "fixtures/**"]
            allow:
              fingerprints: [\(fingerprint)]
            """, to: ".tokenwarden.yaml", in: repo)
        r = try run(["scan", "-f", "json", "."], in: repo)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try findings(r).count, 0)
        XCTAssertEqual(try report(r).summary.allowlisted, 1)
        XCTAssertTrue(try run(["scan", "."], in: repo).stderr.contains("1 allow-listed by the config"))

        // Secret patterns and disabled rules.
        try write("allow:\n  secrets: ['^ghp_1vq0']\ndisabled_rules: [generic-secret-assignment]\n", to: ".tokenwarden.yaml", in: repo)
        r = try run(["scan", "-f", "json", "src"], in: repo)
        XCTAssertEqual(try findings(r).count, 0)
        try write("disabled_rules: [github-pat-classic, generic-secret-assignment]\n", to: ".tokenwarden.yaml", in: repo)
        r = try run(["scan", "-f", "json", "src"], in: repo)
        XCTAssertEqual(try findings(r).count, 0, "the rule is off")

        // fail_on: a medium finding stops blocking when only high blocks.
        try write("k=acme_q8w7e6r5t4y3u2i1\n", to: "src/acme.txt", in: repo)
        try write(
            "rules:\n  - id: acme-key\n    service: acme\n    keywords: [acme_]\n    regex: 'acme_[a-z0-9]{16}'\n", to: "rules/acme.yaml",
            in: repo)
        try write("rules: [rules]\nfail_on: {confidence: high}\n", to: ".tokenwarden.yaml", in: repo)
        r = try run(["scan", "-f", "json", "src/acme.txt"], in: repo)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try findings(r).first?.blocking, false)
        try write("rules: [rules]\nfail_on: {confidence: medium}\n", to: ".tokenwarden.yaml", in: repo)
        XCTAssertEqual(try run(["scan", "src/acme.txt"], in: repo).status, 1)
    }

    func testBaselineRoundTripAndStaleness() throws {
        let repo = try makeRepository()
        try write("A=\(token)\n", to: "a.env", in: repo)
        try write("B=\(other)\n", to: "b.env", in: repo)
        let created = try run(["baseline", "create", "-o", "base.yaml", "."], in: repo)
        XCTAssertEqual(created.status, 0, created.stderr)
        let text = try String(contentsOf: repo.appendingPathComponent("base.yaml"), encoding: .utf8)
        XCTAssertFalse(text.contains(token) || text.contains(other), "a baseline holds fingerprints only")
        XCTAssertTrue(text.contains(Fingerprint.sha256Hex(Array(token.utf8))))

        var r = try run(["scan", "--baseline", "base.yaml", "-f", "json", "."], in: repo)
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(try findings(r).count, 0)
        // A new secret still shows; a removed one makes its entry stale.
        try write("C=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\n", to: "c.env", in: repo)
        try FileManager.default.removeItem(at: repo.appendingPathComponent("b.env"))
        r = try run(["scan", "--baseline", "base.yaml", "--verbose", "."], in: repo)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("c.env:1:3"), r.stdout)
        XCTAssertFalse(r.stdout.contains("a.env"))
        XCTAssertTrue(r.stderr.contains("stale baseline entry: github-pat-classic in b.env"), r.stderr)
        XCTAssertTrue(r.stderr.contains("1 in the baseline"), r.stderr)
        // From the config too.
        try write("baseline: base.yaml\n", to: ".tokenwarden.yaml", in: repo)
        XCTAssertTrue(try run(["scan", "."], in: repo).stderr.contains("1 in the baseline"))
        // A corrupt baseline is an error, not an empty one.
        try write("version: 1\nfindings: [{rule: x}]\n", to: "base.yaml", in: repo)
        let bad = try run(["scan", "."], in: repo)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("missing required key 'path'"), bad.stderr)
    }

    func testPathGlobs() throws {
        let filter = try PathFilter(globs: ["vendor/", "*.min.js", "docs/**/secret?.txt", "/top.env"])
        let scratch = MatchScratch()
        XCTAssertTrue(filter.matches("vendor/a/b.py", scratch: scratch))
        XCTAssertTrue(filter.matches("src/vendor/x", scratch: scratch), "a name without / matches at any depth")
        XCTAssertTrue(filter.matches("web/app.min.js", scratch: scratch))
        XCTAssertTrue(filter.matches("docs/a/b/secret1.txt", scratch: scratch))
        XCTAssertTrue(filter.matches("docs/secret2.txt", scratch: scratch))
        XCTAssertTrue(filter.matches("top.env", scratch: scratch))
        XCTAssertFalse(filter.matches("sub/top.env", scratch: scratch))
        XCTAssertFalse(filter.matches("vendored.py", scratch: scratch))
        XCTAssertFalse(filter.matches("web/app.js", scratch: scratch))
    }
}
