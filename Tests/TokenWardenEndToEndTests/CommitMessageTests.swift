import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// A secret pasted into a commit message (or its trailers) is a leak like any other: history and
/// range scans report it at the commit, path `<commit message>`.
final class CommitMessageTests: CLITestCase {
    let token = "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"

    func testHistoryDiffAndSinceScanCommitMessages() throws {
        let repo = try makeRepository()
        try write("x\n", to: "a.txt", in: repo)
        try commitAll(repo, "init")
        // An empty commit: no file changes at all, only the message.
        try git(
            ["commit", "-q", "--allow-empty", "-m", "hotfix\n\ntoken for the bot: \(token)\nSigned-off-by: Dev <d@example.org>"], in: repo)
        let commit = try git(["rev-parse", "HEAD"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        for args in [["--history"], ["--diff", "HEAD~1..HEAD"], ["--since", "HEAD~1"]] {
            let r = try run(["scan", "--format", "json"] + args, in: repo)
            XCTAssertEqual(r.status, 1, "\(args): \(r.stderr)")
            let found = try report(r).findings
            XCTAssertEqual(found.map(\.path), ["<commit message>"], "\(args)")
            XCTAssertEqual(found.first?.commit, commit, "\(args)")
            XCTAssertEqual(found.first?.line, 3, "line within the message, headers not counted")
            XCTAssertEqual(found.first?.kind, .token)
        }
        // Messages outside the range are not scanned again.
        try write("y\n", to: "a.txt", in: repo)
        try commitAll(repo, "clean change")
        XCTAssertEqual(try run(["scan", "--diff", "HEAD~1..HEAD"], in: repo).status, 0)
    }

    func testATrailerOnlyCommitIsFoundInAMergeRange() throws {
        let repo = try makeRepository()
        try write("x\n", to: "a.txt", in: repo)
        try commitAll(repo, "init")
        try git(["checkout", "-qb", "feature"], in: repo)
        try write("y\n", to: "b.txt", in: repo)
        try commitAll(repo, "feature\n\nCo-authored-by: bot <bot@example.org>\nX-Deploy-Token: \(token)")
        let r = try run(["scan", "--format", "json", "--diff", "main..feature"], in: repo)
        XCTAssertEqual(try report(r).findings.map(\.path), ["<commit message>"])
    }
}
