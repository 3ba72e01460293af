import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// Where a scan's own settings come from: the repository's top whatever the current directory,
/// and in range modes the base commit, so the change under review cannot relax its own check.
final class SettingsDiscoveryTests: CLITestCase {
    let token = "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"

    private func statuses(_ run: Run) throws -> [String?] {
        return try report(run).findings.map(status)
    }

    func testRootConfigAndStoreApplyFromASubdirectory() throws {
        let repo = try makeRepository()
        let added = try run(
            ["store", "add", "--service", "github", "--id", "gh-ci", "--owner", "ci", "--expires", "never"],
            in: repo, stdin: token + "\n")
        XCTAssertEqual(added.status, 0, added.stderr)
        try write("exclude_paths: ['vendor/**']\n", to: ".tokenwarden.yaml", in: repo)
        try write("TOKEN=\(token)\n", to: "src/app/settings.env", in: repo)
        try write("TOKEN=\(token)\n", to: "vendor/lib.env", in: repo)
        let sub = repo.appendingPathComponent("src/app")
        let fromSub = try run(["scan", "--format", "json", "--verbose", "."], in: sub)
        XCTAssertEqual(fromSub.status, 1, fromSub.stderr)
        XCTAssertEqual(try statuses(fromSub), ["leaked"], "the root store must mark the registered token leaked")
        XCTAssertTrue(fromSub.stderr.contains("using config \(repo.path)/.tokenwarden.yaml"), fromSub.stderr)
        XCTAssertTrue(fromSub.stderr.contains("using store \(repo.path)/.tokenwarden/store.yaml"), fromSub.stderr)
        // --staged from a subdirectory uses them too.
        try git(["add", "-A"], in: repo)
        let staged = try run(["scan", "--staged", "--format", "json"], in: sub)
        XCTAssertEqual(try statuses(staged), ["leaked"], staged.stderr)
    }

    /// A base commit with a clean config, then a "pull request" that adds a secret and, in the same
    /// range, an allow list, a baseline and a rule-disabling config that would hide it.
    private func pullRequestThatWhitelistsItsOwnSecret() throws -> URL {
        let repo = try makeRepository()
        try write("exclude_paths: ['docs/**']\n", to: ".tokenwarden.yaml", in: repo)
        try write("x = 1\n", to: "app.py", in: repo)
        try commitAll(repo, "base")
        try git(["checkout", "-qb", "pr"], in: repo)
        try write("x = 1\nTOKEN = '\(token)'\n", to: "app.py", in: repo)
        try commitAll(repo, "add a token")
        // The head's baseline, built by the pull request to cover its own secret.
        let created = try run(["baseline", "create", "--output", "accepted.yaml"], in: repo)
        XCTAssertEqual(created.status, 0, created.stderr)
        try write("exclude_paths: ['docs/**']\nallow:\n  secrets: ['.*']\nbaseline: accepted.yaml\n", to: ".tokenwarden.yaml", in: repo)
        try commitAll(repo, "relax the check")
        return repo
    }

    func testRangeModesUseTheBaseCommitsSettings() throws {
        let repo = try pullRequestThatWhitelistsItsOwnSecret()
        for args in [["--diff", "main..pr"], ["--since", "main"]] {
            let r = try run(["scan"] + args, in: repo)
            XCTAssertEqual(r.status, 1, "\(args): the pull request's own allow list must not apply: \(r.stdout) \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("the range changes the config"), r.stderr)
        }
        // Only when the user says so.
        let trusted = try run(["scan", "--diff", "main..pr", "--config-from-head"], in: repo)
        XCTAssertEqual(trusted.status, 0, trusted.stdout + trusted.stderr)
    }

    /// `--config PATH` naming no file is an error in range modes too, not the defaults in silence; a config
    /// the range itself adds is read as the base has it (absent: the defaults), and the user is told.
    func testRangeModesRefuseANamedConfigThatExistsNowhere() throws {
        let repo = try makeRepository()
        try write("a = 1\n", to: "app.py", in: repo)
        try commitAll(repo, "base")
        try write("a = 2\n", to: "app.py", in: repo)
        try commitAll(repo, "change")
        let missing = try run(["scan", "--diff", "HEAD~1..HEAD", "--config", "nope.yaml"], in: repo)
        XCTAssertEqual(missing.status, 2, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("nope.yaml: no such config file"), missing.stderr)
        try write("exclude_paths: ['**']\n", to: "added.yaml", in: repo)
        try commitAll(repo, "add a config")
        let added = try run(["scan", "--diff", "HEAD~1..HEAD", "--config", "added.yaml"], in: repo)
        XCTAssertNotEqual(added.status, 2, added.stderr)
        XCTAssertTrue(added.stderr.contains("the range changes the config added.yaml"), added.stderr)
    }

    func testRangeModesReadAnExplicitBaselineInsideTheRepositoryFromTheBase() throws {
        let repo = try makeRepository()
        try write("x = 1\n", to: "app.py", in: repo)
        try write("version: 1\nfindings: []\n", to: "baseline.yaml", in: repo)
        try commitAll(repo, "base")
        try git(["checkout", "-qb", "pr"], in: repo)
        try write("x = 1\nTOKEN = '\(token)'\n", to: "app.py", in: repo)
        try commitAll(repo, "add a token")
        XCTAssertEqual(try run(["baseline", "create", "--output", "baseline.yaml"], in: repo).status, 0)
        try commitAll(repo, "baseline the token")
        let r = try run(["scan", "--diff", "main..pr", "--baseline", "baseline.yaml"], in: repo)
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(r.stderr.contains("the range changes the baseline"), r.stderr)
        // The work-tree scan reads the file on disk, as before.
        XCTAssertEqual(try run(["scan", "--baseline", "baseline.yaml", "app.py"], in: repo).status, 0)
    }

    func testRangeModesReadTheBasesRuleFileAndRuleDirectory() throws {
        let repo = try makeRepository()
        let rule = """
            rules:
              - id: acme-key
                service: acme
                keywords: [acme_]
                regex: '(?<secret>acme_[a-z0-9]{24})'
                examples: ['k = acme_q7w2e9r4t1y8u3i6o5p0a2s7']
                negative_examples: ['k = acme_short']

            """
        try write(rule, to: "ci/acme.yaml", in: repo)
        try write(rule.replacingOccurrences(of: "acme", with: "zeta"), to: "ci/more/zeta.yaml", in: repo)
        try write("rules: [ci/acme.yaml, ci/more]\n", to: ".tokenwarden.yaml", in: repo)
        try write("x = 1\n", to: "app.py", in: repo)
        try commitAll(repo, "base")
        try write("x = 1\nk = acme_q7w2e9r4t1y8u3i6o5p0a2s7\nz = zeta_q7w2e9r4t1y8u3i6o5p0a2s7\n", to: "app.py", in: repo)
        try commitAll(repo, "add keys")
        let r = try run(["scan", "--format", "json", "--since", "HEAD~1"], in: repo)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(try report(r).findings.map(\.rule).sorted(), ["acme-key", "zeta-key"])
    }
}
