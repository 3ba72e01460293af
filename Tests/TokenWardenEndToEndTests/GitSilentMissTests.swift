import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// Git setups in which a secret used to go unreported with exit 0: merges in range modes, bare
/// mirrors, GIT_DIR/GIT_WORK_TREE, author names holding separator bytes.
final class GitSilentMissTests: CLITestCase {
    let token = "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"
    let other = "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"

    private func json(_ args: [String], in dir: URL, environment: [String: String] = [:]) throws -> (status: Int32, findings: [Finding]) {
        let r = try run(["scan", "--format", "json"] + args, in: dir, environment: environment)
        XCTAssertNotEqual(r.status, 2, r.stderr)
        return (r.status, try report(r).findings)
    }

    /// main and a feature branch that both change a file; the merge commit itself adds a secret.
    private func repositoryWithEvilMerge() throws -> (repo: URL, base: String) {
        let repo = try makeRepository()
        try write("a\nb\nc\n", to: "app.conf", in: repo)
        try commitAll(repo, "init")
        let base = try git(["rev-parse", "HEAD"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try git(["checkout", "-qb", "feature"], in: repo)
        try write("a\nb\nc\nfeature\n", to: "app.conf", in: repo)
        try commitAll(repo, "feature")
        try git(["checkout", "-q", "main"], in: repo)
        try write("main\na\nb\nc\n", to: "app.conf", in: repo)
        try commitAll(repo, "main")
        try git(["merge", "-q", "--no-commit", "--no-ff", "feature"], in: repo)
        try write("main\na\nTOKEN=\(token)\nb\nc\nfeature\n", to: "app.conf", in: repo)
        try git(["add", "app.conf"], in: repo)
        try git(["commit", "-qm", "merge feature", "--no-verify"], in: repo)
        return (repo, base)
    }

    func testDiffAndSinceFindASecretAddedByTheMergeItself() throws {
        let (repo, base) = try repositoryWithEvilMerge()
        let merge = try git(["rev-parse", "HEAD"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        for args in [["--diff", "\(base)..HEAD"], ["--since", base], ["--diff", "HEAD^1..HEAD"]] {
            let (status, found) = try json(args, in: repo)
            XCTAssertEqual(status, 1, "\(args)")
            XCTAssertEqual(found.count, 1, "\(args): \(found)")
            XCTAssertEqual(found.first?.commit, merge, "\(args)")
            XCTAssertEqual(found.first?.line, 3)
        }
    }

    func testOctopusMergeIsScanned() throws {
        let repo = try makeRepository()
        try write("x\n", to: "base.txt", in: repo)
        try commitAll(repo, "init")
        for branch in ["one", "two"] {
            try git(["checkout", "-q", "-b", branch, "main"], in: repo)
            try write("\(branch)\n", to: "\(branch).txt", in: repo)
            try commitAll(repo, branch)
        }
        try git(["checkout", "-q", "main"], in: repo)
        try git(["merge", "-q", "--no-ff", "--no-commit", "one", "two"], in: repo)
        try write("x\nTOKEN=\(token)\n", to: "base.txt", in: repo)
        try git(["add", "base.txt"], in: repo)
        try git(["commit", "-qm", "octopus", "--no-verify"], in: repo)
        XCTAssertEqual(try git(["rev-list", "--parents", "-1", "HEAD"], in: repo).stdout.split(separator: " ").count, 4)
        let (status, found) = try json(["--diff", "HEAD~1..HEAD"], in: repo)
        XCTAssertEqual(status, 1)
        XCTAssertEqual(found.map(\.path), ["base.txt"])
    }

    func testMergingMainIntoABranchDoesNotReportMainsChanges() throws {
        let repo = try makeRepository()
        try write("x\n", to: "a.txt", in: repo)
        try commitAll(repo, "init")
        try git(["checkout", "-qb", "feature"], in: repo)
        try write("feature\n", to: "f.txt", in: repo)
        try commitAll(repo, "feature")
        try git(["checkout", "-q", "main"], in: repo)
        // A secret that main already has (and that main's own checks dealt with).
        try write("TOKEN=\(other)\n", to: "main.env", in: repo)
        try commitAll(repo, "main secret")
        try git(["checkout", "-q", "feature"], in: repo)
        try git(["merge", "-q", "--no-edit", "main"], in: repo)
        let (status, found) = try json(["--diff", "main..feature"], in: repo)
        XCTAssertEqual(status, 0, "\(found)")
        XCTAssertEqual(found.count, 0)
    }

    func testBareRepositoryHistoryAndDiff() throws {
        let repo = try makeRepository()
        try write("x\n", to: "a.txt", in: repo)
        try commitAll(repo, "init")
        try write("TOKEN=\(token)\n", to: "a.env", in: repo)
        try commitAll(repo, "secret")
        let bare = try TestSupport.temporaryDirectory(self).appendingPathComponent("mirror.git")
        try git(["clone", "-q", "--mirror", repo.path, bare.path], in: repo)
        let history = try json(["--history", "--all", bare.path], in: repo)
        XCTAssertEqual(history.status, 1)
        XCTAssertEqual(history.findings.map(\.path), ["a.env"])
        let diff = try json(["--diff", "HEAD~1..HEAD"], in: bare)
        XCTAssertEqual(diff.findings.count, 1)
        // Staged changes need an index: a clear error, not a silent pass.
        let staged = try run(["scan", "--staged", bare.path], in: repo)
        XCTAssertEqual(staged.status, 2)
        XCTAssertTrue(staged.stderr.contains("bare repository"), staged.stderr)
    }

    func testGitDirAndWorkTreeFromElsewhere() throws {
        let repo = try makeRepository()
        try write("TOKEN=\(token)\n", to: "a.env", in: repo)
        try commitAll(repo, "secret")
        try write("TOKEN=\(other)\n", to: "untracked.env", in: repo)
        let elsewhere = try TestSupport.temporaryDirectory(self)
        let env = ["GIT_DIR": repo.appendingPathComponent(".git").path, "GIT_WORK_TREE": repo.path]
        let worktree = try json([], in: elsewhere, environment: env)
        XCTAssertEqual(worktree.status, 1)
        XCTAssertEqual(worktree.findings.map(\.path).sorted(), ["a.env", "untracked.env"])
        let history = try json(["--history"], in: elsewhere, environment: env)
        XCTAssertEqual(history.findings.map(\.path), ["a.env"])
    }

    func testAuthorNameWithSeparatorBytesKeepsTheCommit() throws {
        let repo = try makeRepository()
        try write("x\n", to: "a.txt", in: repo)
        try commitAll(repo, "init")
        try write("TOKEN=\(token)\n", to: "a.env", in: repo)
        try git(["add", "-A"], in: repo)
        let name = "Eve\u{1F}Mallory\u{1}x"
        _ = try Self.execute(
            "/usr/bin/env", ["git", "commit", "-qm", "secret"], in: repo, stdin: nil,
            environment: ["GIT_AUTHOR_NAME": name, "GIT_COMMITTER_NAME": name])
        let commit = try git(["rev-parse", "HEAD"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        for args in [["--history"], ["--since", "HEAD~1"], ["--diff", "HEAD~1..HEAD"]] {
            let found = try json(args, in: repo).findings
            XCTAssertEqual(found.count, 1, "\(args)")
            XCTAssertEqual(found.first?.commit, commit, "\(args)")
            XCTAssertEqual(found.first?.author, name, "\(args)")
            XCTAssertNotNil(found.first?.date, "\(args)")
        }
    }

    func testRenamePlusEditIsOneHistoryFinding() throws {
        let repo = try makeRepository()
        try write("a = 1\nTOKEN=\(token)\n", to: "old.env", in: repo)
        try commitAll(repo, "add")
        let first = try git(["rev-parse", "HEAD"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("config"), withIntermediateDirectories: true)
        try git(["mv", "old.env", "config/new.env"], in: repo)
        try write("a = 2\nb = 3\nTOKEN=\(token)\n", to: "config/new.env", in: repo)
        try commitAll(repo, "rename and edit")
        try git(["mv", "config/new.env", "final.env"], in: repo)
        try commitAll(repo, "rename again")
        let found = try json(["--history"], in: repo).findings
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertEqual(found.first?.commit, first)
        XCTAssertEqual(found.first?.path, "old.env")
        // A second, different secret in the renamed file is still its own finding.
        try write("a = 2\nb = 3\nTOKEN=\(token)\nOTHER=\(other)\n", to: "final.env", in: repo)
        try commitAll(repo, "another")
        XCTAssertEqual(try json(["--history"], in: repo).findings.count, 2)
    }
}
