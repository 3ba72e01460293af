import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// `tokenwarden pre-commit`, run as pre-commit runs it (environment and argument list), without pre-commit.
final class PreCommitCommandTests: CLITestCase {
    let token = "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"
    let underPreCommit = ["PRE_COMMIT": "1"]

    func testFilesAreScannedWholeAndHostileNamesStayFileNames() throws {
        let repo = try makeRepository()
        for name in ["leak.env", "--show-secrets", "-", "--format=json"] { try write("TOKEN=\(token)\n", to: name, in: repo) }
        let r = try run(["pre-commit", "--", "leak.env", "--show-secrets", "-", "--format=json"], in: repo, environment: underPreCommit)
        XCTAssertEqual(r.status, 1, r.stderr)
        for name in ["leak.env", "--show-secrets", "-", "--format=json"] {
            XCTAssertTrue(r.stdout.contains("\(name):1:7: github-pat-classic"), "\(name): \(r.stdout)")
        }
        XCTAssertFalse(r.stdout.contains(token), "a file name was read as --show-secrets")
        // Without a separator every argument is a file name too.
        let bare = try run(["pre-commit", "--show-secrets"], in: repo, environment: underPreCommit)
        XCTAssertEqual(bare.status, 1, bare.stderr)
        XCTAssertFalse(bare.stdout.contains(token))
    }

    func testOptionsBeforeTheSeparatorApply() throws {
        let repo = try makeRepository()
        try write("TOKEN=\(token)\n", to: "leak.env", in: repo)
        let r = try run(["pre-commit", "--format", "json", "--", "leak.env"], in: repo, environment: underPreCommit)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(try report(r).findings.map(\.path), ["leak.env"])
    }

    func testRefsMeanTheRangeAndNoFilesTheStagedChanges() throws {
        let repo = try makeRepository()
        try write("x = 1\n", to: "app.py", in: repo)
        try commitAll(repo, "base")
        try write("TOKEN=\(token)\n", to: "leak.env", in: repo)
        try commitAll(repo, "leak")
        try git(["rm", "-q", "leak.env"], in: repo)
        try commitAll(repo, "removed")
        let range = try run(
            ["pre-commit", "--", "app.py"], in: repo,
            environment: ["PRE_COMMIT": "1", "PRE_COMMIT_FROM_REF": "HEAD~2", "PRE_COMMIT_TO_REF": "HEAD"])
        XCTAssertEqual(range.status, 1, range.stderr)
        XCTAssertTrue(range.stdout.contains("leak.env:1:7: github-pat-classic"), range.stdout)

        XCTAssertEqual(try run(["pre-commit"], in: repo, environment: underPreCommit).status, 0, "nothing staged")
        try write("TOKEN=\(token)\n", to: "staged.env", in: repo)
        try git(["add", "staged.env"], in: repo)
        let staged = try run(["pre-commit", "--"], in: repo, environment: underPreCommit)
        XCTAssertEqual(staged.status, 1, staged.stderr)
        XCTAssertTrue(staged.stdout.contains("staged.env:1:7"), staged.stdout)
        XCTAssertTrue(staged.stderr.contains("commit blocked"), staged.stderr)
    }

    func testModeFlagsStrayPathsAndAHalfRangeAreErrors() throws {
        let repo = try makeRepository()
        let cases: [([String], [String: String], String)] = [
            (["pre-commit", "--staged", "--"], [:], "pre-commit chooses what to scan"),
            (["pre-commit", "--diff", "a..b", "--", "x"], [:], "pre-commit chooses what to scan"),
            (["pre-commit", "stray", "--", "x"], [:], "stray: scan options go before a --, file names after it"),
            (["pre-commit", "--", "x"], ["PRE_COMMIT_FROM_REF": "HEAD"], "must be set together"),
        ]
        for (arguments, environment, message) in cases {
            let r = try run(arguments, in: repo, environment: environment)
            XCTAssertEqual(r.status, 2, "\(arguments): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
    }

    func testHelpByHandButAFileCalledHelpUnderPreCommit() throws {
        let help = try run(["pre-commit", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("PRE_COMMIT_FROM_REF"), help.stdout)
        let repo = try makeRepository()
        try write("TOKEN=\(token)\n", to: "--help", in: repo)
        let file = try run(["pre-commit", "--help"], in: repo, environment: underPreCommit)
        XCTAssertEqual(file.status, 1, file.stdout + file.stderr)
    }

    func testVersionSubcommandAndFlagPrintTheOneVersion() throws {
        let subcommand = try run(["version"]), flag = try run(["--version"])
        XCTAssertEqual(subcommand.status, 0)
        XCTAssertEqual(subcommand.stdout, flag.stdout)
        let json = try run(["scan", "--format", "json", TestSupport.fixtures.appendingPathComponent("demo/README.md").path])
        XCTAssertEqual(subcommand.stdout, try report(json).version + "\n")
    }
}
