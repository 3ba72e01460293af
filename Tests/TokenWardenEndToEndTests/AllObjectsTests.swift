import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// `--history --all` takes every reflog entry (all stashes, commits reset away); `--all-objects` takes
/// every object of the database, reachable or not, and says which findings no ref reaches.
final class AllObjectsTests: CLITestCase {
    let token = "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"
    let other = "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"

    private func findings(_ args: [String], in repo: URL, file: StaticString = #filePath, line: UInt = #line) throws -> [Finding] {
        let r = try run(["scan", "--format", "json"] + args, in: repo)
        XCTAssertNotEqual(r.status, 2, r.stderr, file: file, line: line)
        return try report(r, file: file, line: line).findings
    }

    private func revision(_ name: String, in repo: URL) throws -> String {
        try git(["rev-parse", name], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A repository with one clean commit on main.
    private func makeBase() throws -> URL {
        let repo = try makeRepository()
        try write("name: demo\n", to: "app.yml", in: repo)
        try commitAll(repo, "init")
        return repo
    }

    func testADroppedStashIsFoundOnlyByAllObjects() throws {
        let repo = try makeBase()
        try write("name: demo\ntoken: \(token)\n", to: "app.yml", in: repo)
        try git(["stash", "-q"], in: repo)
        let stash = try revision("stash@{0}", in: repo)
        try git(["stash", "drop", "-q"], in: repo)
        XCTAssertEqual(try findings(["--history"], in: repo).count, 0)
        XCTAssertEqual(try findings(["--history", "--all"], in: repo).count, 0, "a dropped stash is in no ref or reflog")
        let found = try findings(["--history", "--all-objects"], in: repo)
        XCTAssertEqual(found.count, 1, "\(found.map(\.path))")
        // The dangling stash commit is walked: the blob keeps its path and commit.
        XCTAssertEqual(found.first?.path, "app.yml")
        XCTAssertEqual(found.first?.commit, stash)
        XCTAssertEqual(found.first?.isUnreachable, true)
        let json = try run(["scan", "--history", "--all-objects", "--format", "json"], in: repo)
        XCTAssertTrue(json.stdout.contains("\"source\" : \"unreachable\""), json.stdout)
        let text = try run(["scan", "--history", "--all-objects"], in: repo)
        XCTAssertEqual(text.status, 1, text.stderr)
        XCTAssertTrue(text.stdout.contains("\(stash.prefix(12)):app.yml:2:8:"), text.stdout)
        XCTAssertTrue(text.stdout.contains("unreachable"), text.stdout)
        XCTAssertFalse(text.stdout.contains(token), "redacted unless --show-secrets")
    }

    func testAForcePushedAwayCommitIsFoundAfterTheReflogExpires() throws {
        let work = try makeBase()
        let remote = try TestSupport.temporaryDirectory(self)
        try git(["init", "-q", "--bare", remote.path], in: work)
        try git(["push", "-q", remote.path, "main"], in: work)
        try write("TOKEN=\(token)\n", to: "deploy.env", in: work)
        try git(["add", "deploy.env"], in: work)
        try git(["commit", "-qm", "deploy\n\nold key \(other)", "--no-verify"], in: work)
        let leaked = try revision("HEAD", in: work)
        try git(["push", "-q", remote.path, "main"], in: work)
        // The leak is rewritten away and force-pushed; the server keeps the objects until gc.
        try git(["reset", "-q", "--hard", "HEAD~1"], in: work)
        try write("name: demo\nversion: 2\n", to: "app.yml", in: work)
        try commitAll(work, "clean")
        try git(["push", "-q", "--force", remote.path, "main"], in: work)
        try git(["reflog", "expire", "--expire=now", "--all"], in: remote)
        XCTAssertEqual(try git(["cat-file", "-t", leaked], in: remote).stdout, "commit\n", "the object is still there")

        XCTAssertEqual(try findings(["--history", "--all"], in: remote).count, 0, "no ref or reflog reaches it")
        let found = try findings(["--history", "--all-objects"], in: remote).sorted { $0.path < $1.path }
        XCTAssertEqual(found.map(\.path), [Provenance.commitMessagePath, "deploy.env"], "its blob and its message")
        XCTAssertEqual(found.map(\.commit), [leaked, leaked])
        XCTAssertEqual(found.map(\.isUnreachable), [true, true])
        XCTAssertNotNil(found.last?.blob)
    }

    func testAllTakesTheOlderStashEntries() throws {
        let repo = try makeBase()
        try write("name: demo\ntoken: \(token)\n", to: "app.yml", in: repo)
        try git(["stash", "-q"], in: repo)
        let older = try revision("stash@{0}", in: repo)
        try write("name: demo\nversion: 2\n", to: "app.yml", in: repo)
        try git(["stash", "-q"], in: repo)
        XCTAssertEqual(try revision("stash@{1}", in: repo), older, "the secret is only in the older entry")
        XCTAssertEqual(try findings(["--history"], in: repo).count, 0)
        let found = try findings(["--history", "--all"], in: repo)
        XCTAssertEqual(found.map(\.path), ["app.yml"])
        XCTAssertEqual(found.first?.commit, older)
        XCTAssertEqual(found.first?.isUnreachable, false, "a reflog reaches it")
    }

    func testAllTakesACommitResetAway() throws {
        let repo = try makeBase()
        try write("TOKEN=\(token)\n", to: "deploy.env", in: repo)
        try commitAll(repo, "oops")
        let reset = try revision("HEAD", in: repo)
        try git(["reset", "-q", "--hard", "HEAD~1"], in: repo)
        XCTAssertEqual(try findings(["--history"], in: repo).count, 0)
        XCTAssertEqual(try findings(["--history", "--all"], in: repo).map(\.commit), [reset], "the reflog still has it")
        XCTAssertEqual(try findings(["--history", "--all-objects"], in: repo).map(\.commit), [reset], "reachable: reported once")
    }

    func testASecretAReachableCommitHoldsIsReportedThereOnce() throws {
        let repo = try makeBase()
        try write("TOKEN=\(token)\n", to: "deploy.env", in: repo)
        try commitAll(repo, "add the key")
        let reachable = try revision("HEAD", in: repo)
        // Two later versions of the file on a branch that is deleted and forgotten: they count as older in
        // their own walk (positions 1 and 0) than the reachable commit (position 0), yet it wins.
        try git(["checkout", "-qb", "gone"], in: repo)
        for version in 1...2 {
            try write("TOKEN=\(token)\nVERSION=\(version)\n", to: "deploy.env", in: repo)
            try commitAll(repo, "bump \(version)")
        }
        try git(["checkout", "-q", "main"], in: repo)
        try git(["branch", "-qD", "gone"], in: repo)
        try git(["reflog", "expire", "--expire=now", "--all"], in: repo)
        let found = try findings(["--history", "--all-objects"], in: repo)
        XCTAssertEqual(found.map(\.commit), [reachable])
        XCTAssertEqual(found.map(\.isUnreachable), [false])
    }

    func testTheListingKeepsTheUnreachableWalkApartAndHoldsOnlyItsNewBlobs() throws {
        let repo = try makeBase()
        try write("TOKEN=\(token)\n", to: "deploy.env", in: repo)
        try commitAll(repo, "add the key")
        let shared = try revision("HEAD:deploy.env", in: repo)
        // A forgotten branch: it renames the file (same blob, reachable) and adds one blob of its own.
        try git(["checkout", "-qb", "gone"], in: repo)
        try git(["mv", "deploy.env", "prod.env"], in: repo)
        try write("TOKEN=\(other)\n", to: "extra.env", in: repo)
        try commitAll(repo, "rename and extra")
        let gone = try revision("HEAD", in: repo)
        let extra = try revision("HEAD:extra.env", in: repo)
        try git(["checkout", "-q", "main"], in: repo)
        try git(["branch", "-qD", "gone"], in: repo)
        try git(["reflog", "expire", "--expire=now", "--all"], in: repo)

        let repository = try GitRepository(containing: repo.path)
        let reachable = try GitHistorySource.produce(repository, refs: .allObjects, shard: nil) { _ in }
        var emitted: [BlobRequest] = []
        let listing = try GitObjectDatabaseSource.produce(repository, reachable: reachable, shard: nil) { emitted.append($0) }
        XCTAssertEqual(listing.blobCount, reachable.blobCount + 1, "the walk holds only the blob no reachable commit has")
        XCTAssertEqual(emitted.filter { $0.id != gone }.map(\.id), [extra], "a reachable blob is not emitted again")
        XCTAssertEqual(emitted.map(\.provenance.isUnreachable), [true, true], "the blob and the message, both unreachable")
        let introduced = try XCTUnwrap(listing.introduction(of: extra))
        XCTAssertTrue(introduced.isUnreachable)
        XCTAssertEqual(introduced.path, "extra.env")
        XCTAssertEqual(introduced.commit?.id, gone)
        XCTAssertEqual(introduced.commit?.index, 0, "unreachable commits count their log positions apart")
        XCTAssertEqual(listing.introduction(of: shared)?.isUnreachable, false)
        XCTAssertEqual(listing.introduction(of: shared)?.path, "deploy.env")
        XCTAssertTrue(listing.contains(blob: extra.utf8))
        XCTAssertFalse(reachable.contains(blob: extra.utf8))
        XCTAssertEqual(listing.renames, ["prod.env": "deploy.env"], "the walk's renames are merged")
    }

    func testABlobNeverCommittedHasAPlaceholderPath() throws {
        let repo = try makeBase()
        try write("TOKEN=\(token)\n", to: "secret.env", in: repo)
        try git(["add", "secret.env"], in: repo)
        let blob = try revision(":secret.env", in: repo)
        try git(["rm", "-q", "--cached", "secret.env"], in: repo)
        try FileManager.default.removeItem(at: repo.appendingPathComponent("secret.env"))
        XCTAssertEqual(try findings(["--history", "--all"], in: repo).count, 0)
        let found = try findings(["--history", "--all-objects"], in: repo)
        XCTAssertEqual(found.map(\.path), ["<unreachable blob \(blob.prefix(7))>"])
        XCTAssertEqual(found.first?.blob, blob)
        XCTAssertNil(found.first?.commit)
        XCTAssertEqual(found.first?.isUnreachable, true)
        let sarif = try run(["scan", "--history", "--all-objects", "--format", "sarif"], in: repo)
        XCTAssertTrue(sarif.stdout.contains("\"source\" : \"unreachable\""), sarif.stdout)
        // The CI formats say it in their message too.
        for format in ["sarif", "gitlab", "junit", "github"] {
            let r = try run(["scan", "--history", "--all-objects", "--format", format], in: repo)
            XCTAssertTrue(r.stdout.contains("in an object no ref or reflog reaches"), "\(format): \(r.stdout)")
        }
    }

    func testReachableBlobsHistorySkipsAreNotReportedAsUnreachable() throws {
        let repo = try makeBase()
        // A symlink's blob holds its target; history does not scan symlinks, and they are reachable.
        try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent("link").path, withDestinationPath: "TOKEN=\(token)")
        try commitAll(repo, "link")
        // A blob a tag names directly, outside any commit.
        try write("TOKEN=\(other)\n", to: "tagged.env", in: repo)
        let tagged = try git(["hash-object", "-w", "tagged.env"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(at: repo.appendingPathComponent("tagged.env"))
        try git(["tag", "blob-tag", tagged], in: repo)
        XCTAssertEqual(try findings(["--history", "--all-objects"], in: repo).map(\.path), [])
    }

    func testShardsTogetherEqualTheWholeAndMergeKeepsTheSource() throws {
        let repo = try makeBase()
        for (i, secret) in [token, other].enumerated() {
            try write("TOKEN=\(secret)\n", to: "s\(i).env", in: repo)
            try git(["add", "s\(i).env"], in: repo)
            try git(["rm", "-q", "--cached", "s\(i).env"], in: repo)
            try FileManager.default.removeItem(at: repo.appendingPathComponent("s\(i).env"))
        }
        try write("KEY=\(token)\n", to: "deploy.env", in: repo)
        try commitAll(repo, "oops")
        try git(["reset", "-q", "--hard", "HEAD~1"], in: repo)
        try git(["reflog", "expire", "--expire=now", "--all"], in: repo)
        let whole = try findings(["--history", "--all-objects"], in: repo)
        XCTAssertEqual(whole.count, 3, "\(whole.map(\.path))")
        var paths: [String] = []
        for k in 1...2 {
            let part = try run(["scan", "--history", "--all-objects", "-f", "json", "--shard", "\(k)/2"], in: repo)
            XCTAssertNotEqual(part.status, 2, part.stderr)
            let path = try TestSupport.temporaryDirectory(self).appendingPathComponent("shard\(k).json")
            try Data(part.stdout.utf8).write(to: path)
            paths.append(path.path)
        }
        let merged = try run(["merge"] + paths + ["-f", "json"], in: repo)
        let together = try report(merged).findings
        XCTAssertEqual(together.map(\.fingerprint).sorted(), whole.map(\.fingerprint).sorted())
        XCTAssertEqual(together.map(\.isUnreachable), [true, true, true], "merge keeps the source")
    }

    func testBorrowedObjectsAreRefused() throws {
        let lender = try makeBase()
        let borrower = try makeRepository()
        try write(lender.appendingPathComponent(".git/objects").path + "\n", to: ".git/objects/info/alternates", in: borrower)
        let r = try run(["scan", "--history", "--all-objects"], in: borrower)
        XCTAssertEqual(r.status, 2, r.stdout)
        XCTAssertTrue(r.stderr.hasPrefix("tokenwarden: error: --all-objects:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("objects/info/alternates"), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
    }

    func testAllObjectsGoesWithHistoryOnly() throws {
        let repo = try makeBase()
        for args in [["scan", "--all-objects"], ["scan", "--history", "--branches", "--all-objects"]] {
            let r = try run(args, in: repo)
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("--all-objects"), r.stderr)
        }
    }
}
