import Foundation
import TokenWardenTestSupport
import XCTest

/// End-to-end tests of --staged, --diff, --since, --history and --shard on real repositories.
final class GitInputTests: CLITestCase {
    let token = "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"
    let other = "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"

    private func commit(_ repo: URL, _ message: String) throws {
        try git(["add", "-A"], in: repo)
        try git(["commit", "-qm", message, "--no-verify"], in: repo)
    }

    private func findings(_ args: [String], in repo: URL) throws -> [[String: Any]] {
        let r = try run(["scan", "--format", "json"] + args, in: repo)
        XCTAssertNotEqual(r.status, 2, r.stderr)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], r.stdout + r.stderr)
        return try XCTUnwrap(doc["findings"] as? [[String: Any]])
    }

    private func head(_ repo: URL) throws -> String {
        try git(["rev-parse", "HEAD"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testStagedInitialCommitAndNewFileLineNumbers() throws {
        let repo = try makeRepository()
        try write("line1\nline2\nTOKEN=\(token)\n", to: "new.env", in: repo)
        try git(["add", "new.env"], in: repo)
        let found = try findings(["--staged"], in: repo)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?["path"] as? String, "new.env")
        XCTAssertEqual(found.first?["line"] as? Int, 3)
        XCTAssertNil(found.first?["commit"])
    }

    func testStagedReadsTheIndexNotTheWorktree() throws {
        let repo = try makeRepository()
        try write("a = 1\n", to: "app.py", in: repo)
        try commit(repo, "init")
        // Staged: a clean change. Worktree only: a secret that is not staged.
        try write("a = 1\nb = 2\n", to: "app.py", in: repo)
        try git(["add", "app.py"], in: repo)
        try write("a = 1\nb = 2\nTOKEN = '\(token)'\n", to: "app.py", in: repo)
        try write("TOKEN=\(token)\n", to: "untracked.env", in: repo)
        let r = try run(["scan", "--staged"], in: repo)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        // And the other way round: the secret staged, then removed from the worktree.
        try write("a = 1\nTOKEN = '\(other)'\n", to: "app.py", in: repo)
        try git(["add", "app.py"], in: repo)
        try write("a = 1\n", to: "app.py", in: repo)
        let staged = try findings(["--staged"], in: repo)
        XCTAssertEqual(staged.map { $0["line"] as? Int }, [2])
    }

    func testStagedModifyReportsOnlyAddedLines() throws {
        let repo = try makeRepository()
        try write("OLD=\(token)\nx = 1\n", to: "conf.env", in: repo)
        try commit(repo, "old secret")
        try write("OLD=\(token)\nx = 1\nNEW=\(other)\n", to: "conf.env", in: repo)
        try git(["add", "conf.env"], in: repo)
        let found = try findings(["--staged"], in: repo)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?["line"] as? Int, 3)
        XCTAssertEqual(found.first?["redacted"] as? String, "ghp_…YkY9")
    }

    func testStagedRenameDeleteAndBinary() throws {
        let repo = try makeRepository()
        try write("OLD=\(token)\n" + String(repeating: "filler line\n", count: 20), to: "a.env", in: repo)
        try write("TOKEN=\(other)\n", to: "gone.env", in: repo)
        try commit(repo, "init")
        try git(["mv", "a.env", "b.env"], in: repo)
        try git(["rm", "-q", "gone.env"], in: repo)
        XCTAssertEqual(try findings(["--staged"], in: repo).count, 0, "a pure rename or a deletion adds no secret")
        // Renamed and modified: the added line counts, under the new name.
        try write("OLD=\(token)\n" + String(repeating: "filler line\n", count: 20) + "NEW=\(other)\n", to: "b.env", in: repo)
        try Data([0, 1, 2] + Array("TOKEN=\(token)".utf8)).write(to: repo.appendingPathComponent("blob.bin"))
        try git(["add", "-A"], in: repo)
        let r = try run(["scan", "--staged", "--format", "json"], in: repo)
        XCTAssertEqual(r.status, 1)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let found = try XCTUnwrap(doc["findings"] as? [[String: Any]])
        XCTAssertEqual(found.map { $0["path"] as? String }, ["b.env"])
        XCTAssertEqual(found.first?["line"] as? Int, 22)
        let skipped = try XCTUnwrap(doc["skipped"] as? [[String: Any]])
        XCTAssertEqual(skipped.first?["path"] as? String, "blob.bin")
        XCTAssertEqual(skipped.first?["reason"] as? String, "binary")
    }

    func testStagedNeedsNothingStagedToPass() throws {
        let repo = try makeRepository()
        let r = try run(["scan", "--staged"], in: repo)
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func testDiffRangeAttributesFindingsToCommitsAcrossAMerge() throws {
        let repo = try makeRepository()
        try write("x\n", to: "base.txt", in: repo)
        try commit(repo, "base")
        let base = try head(repo)
        try git(["checkout", "-qb", "feature"], in: repo)
        try write("TOKEN=\(token)\n", to: "feature.env", in: repo)
        try commit(repo, "feature secret")
        let featureCommit = try head(repo)
        try git(["checkout", "-q", "main"], in: repo)
        try write("y\n", to: "main.txt", in: repo)
        try commit(repo, "main work")
        try git(["merge", "-q", "--no-edit", "feature"], in: repo)
        let found = try findings(["--diff", "\(base)..HEAD"], in: repo)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?["commit"] as? String, featureCommit)
        XCTAssertEqual(found.first?["author"] as? String, "Test Author")
        XCTAssertEqual(try findings(["--since", base], in: repo).count, 1)
        XCTAssertEqual(try findings(["--diff", "\(featureCommit)..HEAD"], in: repo).count, 0, "commits outside the range are not scanned")
    }

    func testHistoryFindsDeletedSecretsOnceAndAttributesThem() throws {
        let repo = try makeRepository()
        try write("TOKEN=\(token)\n", to: "leak.env", in: repo)
        try commit(repo, "add secret")
        let added = try head(repo)
        try write("TOKEN=\(token)\n", to: "copy/leak.env", in: repo)
        try commit(repo, "same content elsewhere")
        try git(["rm", "-rq", "leak.env", "copy"], in: repo)
        try commit(repo, "remove secret")
        XCTAssertEqual(try run(["scan", "."], in: repo).status, 0, "the work tree is clean now")
        let found = try findings(["--history"], in: repo)
        XCTAssertEqual(found.count, 1, "one blob, scanned once")
        XCTAssertEqual(found.first?["commit"] as? String, added)
        XCTAssertEqual(found.first?["path"] as? String, "leak.env")
        XCTAssertNotNil(found.first?["date"])
    }

    func testASecretKeptAcrossVersionsIsReportedOnceAtItsIntroduction() throws {
        let repo = try makeRepository()
        try write("TOKEN=\(token)\n", to: "app.env", in: repo)
        try commit(repo, "introduce")
        let introduced = try head(repo)
        for i in 1...3 {
            try write("TOKEN=\(token)\nVERSION=\(i)\n", to: "app.env", in: repo)
            try commit(repo, "bump \(i)")
        }
        let found = try findings(["--history"], in: repo)
        XCTAssertEqual(found.count, 1, "four blobs, one leak")
        XCTAssertEqual(found.first?["commit"] as? String, introduced)
        // Sharded: the merged shard reports agree.
        var paths: [String] = []
        for k in 1...2 {
            let part = try run(["scan", "--history", "-f", "json", "--shard", "\(k)/2"], in: repo)
            let path = repo.appendingPathComponent("h\(k).json").path
            try Data(part.stdout.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let merged = try run(["merge"] + paths + ["-f", "jsonl"], in: repo)
        XCTAssertEqual(merged.stdout.split(separator: "\n").count, 1, merged.stdout)
        XCTAssertTrue(merged.stdout.contains(introduced))
    }

    func testHistoryRefsChooseBranches() throws {
        let repo = try makeRepository()
        try write("x\n", to: "a.txt", in: repo)
        try commit(repo, "init")
        try git(["checkout", "-qb", "side"], in: repo)
        try write("TOKEN=\(token)\n", to: "side.env", in: repo)
        try commit(repo, "side secret")
        try git(["checkout", "-q", "main"], in: repo)
        XCTAssertEqual(try findings(["--history"], in: repo).count, 0)
        XCTAssertEqual(try findings(["--history", "--branches"], in: repo).count, 1)
        XCTAssertEqual(try findings(["--history", "--all"], in: repo).count, 1)
    }

    func testShardsTogetherEqualTheWhole() throws {
        let repo = try makeRepository()
        for i in 0..<12 {
            try write("n=\(i)\nTOKEN=\(i % 2 == 0 ? token : other)\n", to: "f\(i).env", in: repo)
            try commit(repo, "c\(i)")
        }
        func keys(_ found: [[String: Any]]) -> [String] {
            found.map { "\($0["path"] ?? "")@\($0["commit"] ?? "")" }.sorted()
        }
        for mode in [["--history"], ["."]] {
            let whole = keys(try findings(mode, in: repo))
            XCTAssertEqual(whole.count, 12)
            var parts: [String] = []
            for k in 1...3 {
                let part = keys(try findings(mode + ["--shard", "\(k)/3"], in: repo))
                XCTAssertLessThan(part.count, 12, "each shard does part of the work")
                parts += part
            }
            XCTAssertEqual(parts.sorted(), whole)
        }
    }

    func testCatFileProcessesSplitTheWorkWithoutChangingTheReport() throws {
        let repo = try makeRepository()
        for i in 0..<10 {
            try write("n=\(i)\nTOKEN=\(i % 3 == 0 ? other : token)\n", to: "dir\(i % 2)/f.env", in: repo)
            try commit(repo, "c\(i)")
        }
        let one = try run(["scan", "--history", "--cat-file-processes", "1", "-f", "jsonl"], in: repo)
        XCTAssertEqual(one.status, 1, one.stderr)
        XCTAssertEqual(one.stdout.split(separator: "\n").count, 4, "two secrets in two lineages:\n\(one.stdout)")
        for n in ["2", "5"] {
            let many = try run(["scan", "--history", "--cat-file-processes", n, "-f", "jsonl"], in: repo)
            XCTAssertEqual(many.stdout, one.stdout, "\(n) processes")
        }
        let bad = try run(["scan", "--history", "--cat-file-processes", "0"], in: repo)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--cat-file-processes must be 1 to 64"), bad.stderr)
    }

    func testGitErrorsAreOneLineExitTwo() throws {
        let plain = try TestSupport.temporaryDirectory(self)
        for args in [["scan", "--staged", plain.path], ["scan", "--history", plain.path]] {
            let r = try run(args)
            XCTAssertEqual(r.status, 2)
            XCTAssertTrue(r.stderr.contains("not a git repository"), r.stderr)
        }
        let repo = try makeRepository()
        try write("x\n", to: "a.txt", in: repo)
        try commit(repo, "init")
        let r = try run(["scan", "--diff", "no-such-ref..HEAD"], in: repo)
        XCTAssertEqual(r.status, 2)
        // The range's base is resolved first (its settings are read from it): one line naming it.
        XCTAssertTrue(r.stderr.hasPrefix("tokenwarden: error: no-such-ref: not a commit"), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        let bad = try run(["scan", "--diff", "HEAD..no-such-ref"], in: repo)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.hasPrefix("tokenwarden: error: git log: fatal:"), bad.stderr)
        XCTAssertEqual(try run(["scan", "--shard", "4/3"], in: repo).status, 2)
        XCTAssertEqual(try run(["scan", "--staged", "--history"], in: repo).status, 2)
    }

    func testShallowCloneSaysSo() throws {
        let repo = try makeRepository()
        for i in 0..<3 {
            try write("v\(i)\n", to: "a.txt", in: repo)
            try commit(repo, "c\(i)")
        }
        let clone = try TestSupport.temporaryDirectory(self).appendingPathComponent("clone")
        try git(["clone", "-q", "--depth", "1", "file://\(repo.path)", clone.path], in: repo)
        let r = try run(["scan", "--history"], in: clone)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("shallow clone"), r.stderr)
    }
}
