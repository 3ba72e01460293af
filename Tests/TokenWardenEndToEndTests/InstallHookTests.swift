import Foundation
import TokenWardenTestSupport
import XCTest

/// `tokenwarden install-hook` and the hook blocking a real `git commit`.
final class InstallHookTests: CLITestCase {
    let token = "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"

    func testInstalledHookBlocksACommitWithASecret() throws {
        let repo = try makeRepository()
        let r = try run(["install-hook"], in: repo)
        XCTAssertEqual(r.status, 0, r.stderr)
        let hook = repo.appendingPathComponent(".git/hooks/pre-commit").path
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: hook))
        try write("TOKEN=\(token)\n", to: "leak.env", in: repo)
        try git(["add", "leak.env"], in: repo)
        let blocked = try Self.execute("/usr/bin/env", ["git", "commit", "-qm", "leak"], in: repo, stdin: nil, environment: [:])
        XCTAssertNotEqual(blocked.status, 0)
        // git sends a hook's standard output to standard error.
        XCTAssertTrue((blocked.stdout + blocked.stderr).contains("leak.env:1:7: github-pat-classic"), blocked.stderr)
        XCTAssertTrue(blocked.stderr.contains("commit blocked"), blocked.stderr)
        XCTAssertTrue(blocked.stderr.contains("tokenwarden:allow"), blocked.stderr)
        XCTAssertFalse(blocked.stdout.contains(token) || blocked.stderr.contains(token))
        // The allow comment lets it through.
        try write("TOKEN=\(token) # tokenwarden:allow github-pat-classic\n", to: "leak.env", in: repo)
        try git(["add", "leak.env"], in: repo)
        let allowed = try Self.execute("/usr/bin/env", ["git", "commit", "-qm", "allowed"], in: repo, stdin: nil, environment: [:])
        XCTAssertEqual(allowed.status, 0, allowed.stdout + allowed.stderr)
    }

    func testExistingHookIsNeverOverwrittenSilently() throws {
        let repo = try makeRepository()
        let hook = repo.appendingPathComponent(".git/hooks/pre-commit")
        try write("#!/bin/sh\necho mine > \"$(git rev-parse --git-dir)/ran-mine\"\n", to: ".git/hooks/pre-commit", in: repo)
        chmod(hook.path, 0o755)
        let refused = try run(["install-hook"], in: repo)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("already exists"), refused.stderr)
        XCTAssertTrue(try String(contentsOf: hook, encoding: .utf8).contains("echo mine"))

        let chained = try run(["install-hook", "--chain"], in: repo)
        XCTAssertEqual(chained.status, 0, chained.stderr)
        XCTAssertTrue(chained.stderr.contains("pre-commit.chained"), chained.stderr)
        try write("clean\n", to: "a.txt", in: repo)
        try git(["add", "a.txt"], in: repo)
        let committed = try Self.execute("/usr/bin/env", ["git", "commit", "-qm", "clean"], in: repo, stdin: nil, environment: [:])
        XCTAssertEqual(committed.status, 0, committed.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: repo.appendingPathComponent(".git/ran-mine").path), "the old hook ran")
        XCTAssertEqual(try run(["install-hook"], in: repo).status, 0, "re-installing our own hook updates it")
    }

    func testRespectsCoreHooksPath() throws {
        let repo = try makeRepository()
        try git(["config", "core.hooksPath", "custom-hooks"], in: repo)
        XCTAssertEqual(try run(["install-hook"], in: repo).status, 0)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: repo.appendingPathComponent("custom-hooks/pre-commit").path))
    }
}
