import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// The history pipeline's internals: several cat-file processes, the compact listing, the estimate.
final class HistoryScanTests: CLITestCase {
    let token = "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"
    let other = "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"

    private func head(_ repo: URL) throws -> String {
        try git(["rev-parse", "HEAD"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private var clock = 1_700_000_000

    /// Commits everything a minute after the previous commit: distinct dates keep `git log --all`
    /// in one order (on a tie a branch tip may be listed before the merge that is its child).
    private func commitDated(_ repo: URL, _ message: String) throws {
        clock += 60
        try git(["add", "-A"], in: repo)
        try dated(["commit", "-qm", message, "--no-verify"], in: repo)
    }

    private func dated(_ arguments: [String], in repo: URL) throws {
        let date = "\(clock) +0000"
        let r = try Self.execute(
            "/usr/bin/env", ["git"] + arguments, in: repo, stdin: nil,
            environment: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    /// A history with a secret kept across versions and a rename, a second one added on a branch
    /// and merged, and filler commits; returns the repository and the two introducing commits.
    private func makeHistory() throws -> (repo: URL, kept: String, branched: String) {
        let repo = try makeRepository()
        for i in 0..<12 { try write("value = \(i)\n", to: "src/file\(i).py", in: repo) }
        try commitDated(repo, "filler")
        try write("TOKEN=\(token)\n", to: "config/app.env", in: repo)
        try commitDated(repo, "introduce")
        let kept = try head(repo)
        for i in 1...3 {
            try write("TOKEN=\(token)\nVERSION=\(i)\n", to: "config/app.env", in: repo)
            try write("value = \(i * 100)\n", to: "src/file\(i).py", in: repo)
            try commitDated(repo, "bump \(i)")
        }
        try git(["mv", "config/app.env", "config/prod.env"], in: repo)
        try write("TOKEN=\(token)\nVERSION=4\n", to: "config/prod.env", in: repo)
        try commitDated(repo, "rename")
        try git(["checkout", "-qb", "feature", "HEAD~2"], in: repo)
        try write("KEY=\(other)\n", to: "feature.env", in: repo)
        try commitDated(repo, "feature key")
        let branched = try head(repo)
        try git(["checkout", "-q", "main"], in: repo)
        clock += 60
        try dated(["merge", "-q", "--no-edit", "--no-ff", "feature"], in: repo)
        return (repo, kept, branched)
    }

    private func scan(_ repo: URL, processes: Int) throws -> ScanResult {
        var request = ScanRequest(selection: .history(refs: .all, repository: repo.path), rules: TestSupport.builtInRules)
        request.catFileProcesses = processes
        return try Pipeline.run(request).result
    }

    private func summary(_ result: ScanResult) -> [String] {
        result.findings.map { "\($0.rule) \($0.path):\($0.line) \($0.commit ?? "-") \($0.fingerprint)" }
    }

    func testSeveralCatFileProcessesFindWhatOneFinds() throws {
        let (repo, kept, branched) = try makeHistory()
        let one = try scan(repo, processes: 1)
        XCTAssertEqual(one.errors, [])
        // The kept secret is one finding at its introduction (across versions and the rename),
        // the merged one at the branch commit that added it.
        let keptFindings = one.findings.filter { $0.path.hasPrefix("config/") }
        XCTAssertEqual(keptFindings.map(\.commit), [kept])
        XCTAssertEqual(keptFindings.map(\.path), ["config/app.env"])
        XCTAssertEqual(one.findings.first { $0.path == "feature.env" }?.commit, branched)
        XCTAssertEqual(one.findings.count, 2, summary(one).joined(separator: "\n"))
        for processes in [2, 3, 7] {
            let many = try scan(repo, processes: processes)
            XCTAssertEqual(summary(many), summary(one), "\(processes) cat-file processes")
            XCTAssertEqual(many.summary.filesScanned, one.summary.filesScanned)
            XCTAssertEqual(many.summary.bytesScanned, one.summary.bytesScanned)
        }
    }

    func testTheEstimateExtrapolatesFromTheCommitCount() throws {
        let (repo, _, _) = try makeHistory()
        let repository = try GitRepository(containing: repo.path)
        var listed = 0
        let listing = try GitHistorySource.produce(repository, refs: .all, shard: nil, onCommit: { listed += 1 }, emit: { _ in })
        XCTAssertEqual(GitHistorySource.commitCount(repository, refs: .all), listing.commits.count)
        XCTAssertEqual(listed, listing.commits.count)
        XCTAssertEqual(GitHistorySource.extrapolate(emitted: 300, listed: 100, of: 1000), 3000)
        XCTAssertEqual(GitHistorySource.extrapolate(emitted: 300, listed: 0, of: 1000), 300, "nothing listed yet")
        XCTAssertEqual(GitHistorySource.extrapolate(emitted: 300, listed: 1000, of: 1000), 300)
    }

    func testListingRunsAheadOfInflationSoTheTotalComesEarly() throws {
        let (repo, _, _) = try makeHistory()
        let input = try InputSelection.history(refs: .all, repository: repo.path).prepare(maxFileSize: 1 << 20)
        let progress = ScanProgress(input.stream)
        // Nothing is taken from the queue yet: the listing and the estimate run on their own.
        let deadline = Date().addingTimeInterval(20)
        while input.stream.total == nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        let total = try XCTUnwrap(input.stream.total, "listing a small history does not wait for inflation")
        XCTAssertEqual(progress.total, total)
        XCTAssertFalse(progress.totalIsEstimate)
        var taken = 0
        while input.stream.next() != nil { taken += 1 }
        XCTAssertEqual(taken, total)
        XCTAssertNil(input.failure)
    }

    func testTheListingInternsCommitsAndPaths() throws {
        let (repo, kept, _) = try makeHistory()
        let repository = try GitRepository(containing: repo.path)
        var firstSeen: [String: Provenance] = [:]
        let listing = try GitHistorySource.produce(repository, refs: .all, shard: nil) { request in
            if case .history = request.provenance.source { firstSeen[request.id] = request.provenance }
        }
        XCTAssertEqual(listing.blobCount, firstSeen.count)
        XCTAssertLessThan(listing.paths.count, firstSeen.count, "paths repeat across blobs and are held once")
        let atKept = firstSeen.keys.compactMap { listing.introduction(of: $0) }.filter { $0.commit?.id == kept }
        XCTAssertEqual(atKept.map(\.path), ["config/app.env"])
        XCTAssertEqual(atKept.first?.commit?.email, "author@example.org")
        XCTAssertEqual(atKept.first?.commit?.author, "Test Author")
        XCTAssertEqual(listing.renames, ["config/prod.env": "config/app.env"])
        XCTAssertNil(listing.introduction(of: String(repeating: "f", count: 40)))
        XCTAssertEqual(ObjectID(kept)?.hex, kept)
        XCTAssertNil(ObjectID("xyz"))
    }

    func testTheBlobTableKeepsEveryIdAndItsLatestValue() throws {
        var table = BlobTable<UInt32>()
        let ids = (0..<5000).map { i in
            ObjectID(String(format: "%08x", i * 2_654_435_761 & 0xFFFF_FFFF) + String(repeating: "ab", count: 16))!
        }
        XCTAssertEqual(Set(ids).count, ids.count)
        for (i, id) in ids.enumerated() { XCTAssertTrue(table.update(UInt32(i), for: id)) }
        for (i, id) in ids.enumerated() where i % 2 == 0 { XCTAssertFalse(table.update(UInt32(i + 1), for: id), "seen before") }
        XCTAssertEqual(table.count, ids.count)
        for (i, id) in ids.enumerated() { XCTAssertEqual(table[id], UInt32(i % 2 == 0 ? i + 1 : i)) }
        XCTAssertNil(table[ObjectID(String(repeating: "0", count: 40))!])
        XCTAssertEqual(ids[7].hex, String(format: "%08x", 7 * 2_654_435_761 & 0xFFFF_FFFF) + String(repeating: "ab", count: 16))
    }
}
