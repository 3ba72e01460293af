import Foundation
import TokenWardenTestSupport
import XCTest

/// End-to-end: the CLI on real temporary git repositories and directories.
final class ScanCommandTests: CLITestCase {
    let token = "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"

    func testCleanRepositoryExitsZero() throws {
        let repo = try makeRepository()
        try write("print('hello')\n", to: "app.py", in: repo)
        let r = try run(["scan", "."], in: repo)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("0 findings"), r.stderr)
    }

    func testFindingInTrackedAndUntrackedFilesButNotIgnoredOnes() throws {
        let repo = try makeRepository()
        try write("secret.env\n", to: ".gitignore", in: repo)
        try write("TOKEN=\(token)\n", to: "secret.env", in: repo)
        try write("x = 1\nGITHUB_TOKEN = '\(token)'\n", to: "src/tracked.py", in: repo)
        try git(["add", "src/tracked.py", ".gitignore"], in: repo)
        try git(["commit", "-qm", "init"], in: repo)
        try write("export GH=\(token)\n", to: "untracked.sh", in: repo)
        let r = try run(["scan"], in: repo)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stdout.contains("src/tracked.py:2:17: github-pat-classic (github) ghp_…YhBa [high, checksum valid]"), r.stdout)
        XCTAssertTrue(r.stdout.contains("untracked.sh:1:11"), r.stdout)
        XCTAssertFalse(r.stdout.contains("secret.env"), "ignored files are not scanned")
        XCTAssertFalse(r.stdout.contains(token), "secrets are redacted")
        XCTAssertFalse(r.stderr.contains(token))
    }

    func testANamedIgnoredDirectoryIsWalked() throws {
        let repo = try makeRepository()
        try write("build/\n", to: ".gitignore", in: repo)
        try write("T=\(token)\n", to: "build/gen/out.env", in: repo)
        XCTAssertEqual(try run(["scan", "."], in: repo).status, 0, "ignored files are not part of the work tree scan")
        let r = try run(["scan", "build"], in: repo)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stdout.contains("build/gen/out.env:1:3"), r.stdout)
    }

    func testJSONOutputFollowsTheSchema() throws {
        let repo = try makeRepository()
        try write("GITHUB_TOKEN=\(token)\n", to: "a.env", in: repo)
        let r = try run(["scan", "--format", "json", "."], in: repo)
        XCTAssertEqual(r.status, 1)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(doc["tool"] as? String, "tokenwarden")
        XCTAssertEqual(doc["schema"] as? Int, 2)
        let scope = try XCTUnwrap(doc["scope"] as? [String: Any])
        XCTAssertEqual(scope["shard"] as? String, "1/1")
        XCTAssertEqual(scope["mode"] as? String, "paths")
        XCTAssertEqual(scope["input"] as? String, ".")
        XCTAssertEqual((scope["input_digest"] as? String)?.count, 64)
        XCTAssertEqual((scope["settings_digest"] as? String)?.count, 64)
        XCTAssertNil(scope["partial"], "only a partial merge says partial")
        let findings = try XCTUnwrap(doc["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.count, 1)
        let f = findings[0]
        XCTAssertEqual(f["rule"] as? String, "github-pat-classic")
        XCTAssertEqual(f["path"] as? String, "a.env")
        XCTAssertEqual(f["line"] as? Int, 1)
        XCTAssertEqual(f["column"] as? Int, 14)
        XCTAssertEqual(f["checksum"] as? String, "valid")
        XCTAssertEqual(f["blocking"] as? Bool, true)
        XCTAssertNil(f["secret"])
        XCTAssertEqual((f["fingerprint"] as? String)?.count, 64)
        let summary = try XCTUnwrap(doc["summary"] as? [String: Any])
        XCTAssertEqual(summary["files_scanned"] as? Int, 1)
        XCTAssertEqual(summary["blocking"] as? Int, 1)
    }

    func testJSONLinesAndShowSecrets() throws {
        let r = try run(["scan", "-f", "jsonl", "--show-secrets", "-"], stdin: "a=\(token)\nb=\(token)\n")
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        let first = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(first["secret"] as? String, token)
        XCTAssertEqual(first["path"] as? String, "<stdin>")
    }

    func testPlainDirectoryIsWalkedSkippingGitAndBinaries() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        try write("t=\(token)\n", to: "conf/a.txt", in: dir)
        try write("t=\(token)\n", to: ".git/config", in: dir)
        try Data([0x00, 0x01] + Array("t=\(token)".utf8)).write(to: dir.appendingPathComponent("blob.bin"))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("loop").path, withDestinationPath: ".")
        let r = try run(["scan", "--verbose", dir.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout.split(separator: "\n").filter { $0.contains("github-pat-classic") }.count, 1, r.stdout)
        XCTAssertTrue(r.stdout.contains("skipped \(dir.path)/blob.bin: binary"), r.stdout)
        XCTAssertTrue(r.stdout.contains("skipped \(dir.path)/loop: symlink"), r.stdout)
        XCTAssertTrue(r.stderr.contains("2 skipped (1 binary, 1 symlink"), r.stderr)
    }

    func testMaxFileSizeSkipsAndCounts() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        try write(String(repeating: "a", count: 2000) + " t=\(token)\n", to: "big.txt", in: dir)
        let r = try run(["scan", "--max-file-size", "1000", dir.path])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("1 skipped (1 too-large"), r.stderr)
    }

    func testMissingPathIsAnErrorWithExitTwo() throws {
        let r = try run(["scan", "/nonexistent/tokenwarden-path"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.hasPrefix("tokenwarden: error: /nonexistent/tokenwarden-path:"), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1)
    }

    func testUsageErrorIsExitTwo() throws {
        let r = try run(["scan", "--format", "xml", "."])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("error"), r.stderr)
    }

    func testUnreadableFileMakesTheScanIncomplete() throws {
        guard getuid() != 0 else { throw XCTSkip("root can read files without permission") }
        let dir = try TestSupport.temporaryDirectory(self)
        try write("x\n", to: "locked.txt", in: dir)
        chmod(dir.appendingPathComponent("locked.txt").path, 0)
        let r = try run(["scan", dir.path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("unreadable"), r.stderr)
    }

    func testRulesCheckAndList() throws {
        let check = try run(["rules", "check"])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.hasPrefix("ok: "), check.stdout)
        let list = try run(["rules", "list"])
        XCTAssertTrue(list.stdout.contains("github-pat-classic"))
    }

    func testRulesCheckFailsOnABrokenUserRule() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        try write(
            """
            rules:
              - id: acme-key
                service: acme
                keywords: [acme_]
                regex: 'acme_[a-z0-9]{16}'
                examples: ['acme_TOO_SHORT']
                negative_examples: ['nothing']
            """, to: "acme.yaml", in: dir)
        let r = try run(["rules", "check", dir.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("FAIL") && r.stderr.contains("acme-key") && r.stderr.contains("example not reported"), r.stderr)
    }

    func testUserRulesAreAddedToTheBuiltInOnes() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        try write(
            """
            rules:
              - id: acme-key
                service: acme
                keywords: [acme_]
                regex: 'acme_[a-z0-9]{16}'
            """, to: "rules/acme.yaml", in: dir)
        let r = try run(["scan", "--rules", dir.appendingPathComponent("rules").path, "-"], stdin: "k=acme_q8w7e6r5t4y3u2i1\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("acme-key (acme)"), r.stdout)
        let bad = try run(["scan", "--rules", dir.appendingPathComponent("missing").path, "-"], stdin: "")
        XCTAssertEqual(bad.status, 2)
    }
}
