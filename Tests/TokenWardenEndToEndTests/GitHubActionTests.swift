import Foundation
import TokenWardenTestSupport
import XCTest

/// `.ci/github-action.sh`, the logic of `action.yml`, run directly with the variables a GitHub runner sets
/// and an event payload as GitHub writes it, on real repositories.
final class GitHubActionTests: CLITestCase {
    let token = "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"
    static let script = TestSupport.packageRoot.appendingPathComponent(".ci/github-action.sh")

    struct ActionRun {
        var run: Run
        var outputs: [String: String]
        var summary: String
        var sarif: [String: Any]?
        var output: String { run.stdout + run.stderr }
    }

    /// Runs the action's script for `event` with `payload` in `repo`, as the runner would.
    func action(
        _ event: String, payload: [String: Any], in repo: URL, inputs: [String: String] = [:], refs: (base: String, head: String)? = nil
    ) throws -> ActionRun {
        let dir = try TestSupport.temporaryDirectory(self)
        let eventFile = dir.appendingPathComponent("event.json")
        try JSONSerialization.data(withJSONObject: payload).write(to: eventFile)
        let output = dir.appendingPathComponent("output"), summary = dir.appendingPathComponent("summary.md")
        let sarif = dir.appendingPathComponent("out/tokenwarden.sarif")
        try FileManager.default.createDirectory(at: sarif.deletingLastPathComponent(), withIntermediateDirectories: true)
        var environment = [
            "GITHUB_ACTIONS": "true", "CI": "true", "GITHUB_EVENT_NAME": event, "GITHUB_EVENT_PATH": eventFile.path,
            "GITHUB_WORKSPACE": repo.path, "GITHUB_OUTPUT": output.path, "GITHUB_STEP_SUMMARY": summary.path,
            "GITHUB_SHA": try git(["rev-parse", "HEAD"], in: repo).stdout.trimmingCharacters(in: .newlines),
            "GITHUB_BASE_REF": refs == nil ? "" : "main", "GITHUB_HEAD_REF": refs == nil ? "" : "feature",
            "INPUT_SARIF": sarif.path, "TOKENWARDEN": Self.binary.path,
        ]
        for (key, value) in inputs { environment["INPUT_\(key.uppercased())"] = value }
        let r = try Self.execute("/bin/bash", [Self.script.path], in: dir, stdin: nil, environment: environment)
        let outputs = (try? String(contentsOf: output, encoding: .utf8))?.split(separator: "\n").reduce(into: [String: String]()) {
            let pair = $1.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { $0[pair[0]] = pair[1] }
        }
        let log = try? JSONSerialization.jsonObject(with: Data(contentsOf: sarif)) as? [String: Any]
        return ActionRun(
            run: r, outputs: outputs ?? [:], summary: (try? String(contentsOf: summary, encoding: .utf8)) ?? "", sarif: log)
    }

    func head(_ repo: URL) throws -> String {
        try git(["rev-parse", "HEAD"], in: repo).stdout.trimmingCharacters(in: .newlines)
    }

    func results(_ run: ActionRun) throws -> [[String: Any]] {
        let sarif = try XCTUnwrap(run.sarif, "no SARIF written: \(run.output)")
        return try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
    }

    /// main with a clean commit, and a feature branch on it.
    func repositoryWithBase() throws -> (repo: URL, base: String) {
        let repo = try makeRepository()
        try write("print('hello')\n", to: "app.py", in: repo)
        try commitAll(repo, "base")
        let base = try head(repo)
        try git(["checkout", "-q", "-b", "feature"], in: repo)
        return (repo, base)
    }

    func pullRequest(base: String, head: String) -> [String: Any] {
        ["pull_request": ["base": ["sha": base, "ref": "main"], "head": ["sha": head, "ref": "feature"]]]
    }

    func testAPullRequestThatAddsASecretFailsAndWritesSARIF() throws {
        let (repo, base) = try repositoryWithBase()
        try write("TOKEN=\(token)\n", to: "config/leak.env", in: repo)
        try commitAll(repo, "leak")
        try write("x = 1\n", to: "other.py", in: repo)
        try commitAll(repo, "more")
        let pr = try head(repo)
        let r = try action("pull_request", payload: pullRequest(base: base, head: pr), in: repo, refs: (base, pr))

        XCTAssertEqual(r.run.status, 1, r.output)
        XCTAssertTrue(r.output.contains("scanning the commits \(base.prefix(12))..\(pr.prefix(12))"), r.output)
        XCTAssertTrue(r.output.contains("::error file=config/leak.env,line=1"), r.output)
        XCTAssertEqual(try results(r).compactMap { $0["ruleId"] as? String }, ["github-pat-classic"])
        XCTAssertEqual(r.outputs["exit-code"], "1")
        XCTAssertTrue(r.outputs["sarif"]?.hasSuffix("out/tokenwarden.sarif") == true, "\(r.outputs)")
        XCTAssertTrue(r.summary.contains("failed: blocking findings"), r.summary)
        XCTAssertTrue(r.summary.contains("| yes | github-pat-classic | config/leak.env:1"), r.summary)
        for text in [r.output, r.summary] { XCTAssertFalse(text.contains(token), "the full secret was printed") }
    }

    func testACleanPullRequestPassesEvenWhenTheBaseHasASecret() throws {
        let repo = try makeRepository()
        try write("TOKEN=\(token)\n", to: "old.env", in: repo)
        try commitAll(repo, "an old leak, already on main")
        let base = try head(repo)
        try git(["checkout", "-q", "-b", "feature"], in: repo)
        try write("print('hello')\n", to: "app.py", in: repo)
        try commitAll(repo, "clean change")
        let r = try action("pull_request", payload: pullRequest(base: base, head: try head(repo)), in: repo, refs: (base, try head(repo)))

        XCTAssertEqual(r.run.status, 0, r.output)
        XCTAssertEqual(try results(r).count, 0)
        XCTAssertEqual(r.outputs["exit-code"], "0")
        XCTAssertTrue(r.summary.contains("passed"), r.summary)
    }

    func testAPushScansThePushedRange() throws {
        let (repo, before) = try repositoryWithBase()
        try write("TOKEN=\(token)\n", to: "leak.env", in: repo)
        try commitAll(repo, "leak")
        try git(["rm", "-q", "leak.env"], in: repo)
        try commitAll(repo, "removed again: still in the pushed commits")
        let after = try head(repo)
        let pushed = try action("push", payload: ["before": before, "after": after], in: repo)
        XCTAssertEqual(pushed.run.status, 1, pushed.output)
        XCTAssertEqual(try results(pushed).count, 1)

        try write("y = 2\n", to: "later.py", in: repo)
        try commitAll(repo, "later")
        let clean = try action("push", payload: ["before": after, "after": try head(repo)], in: repo)
        XCTAssertEqual(clean.run.status, 0, "only the new push's commits: " + clean.output)
    }

    func testScheduleWorkflowDispatchAndANewBranchScanTheHistory() throws {
        let repo = try makeRepository()
        try write("TOKEN=\(token)\n", to: "leak.env", in: repo)
        try commitAll(repo, "leak")
        try git(["rm", "-q", "leak.env"], in: repo)
        try commitAll(repo, "removed")
        let zero = String(repeating: "0", count: 40)
        for (event, payload) in [
            ("schedule", [:]), ("workflow_dispatch", [:]), ("push", ["before": zero, "after": try head(repo)]),
        ] as [(String, [String: Any])] {
            let r = try action(event, payload: payload, in: repo)
            XCTAssertEqual(r.run.status, 1, "\(event): \(r.output)")
            XCTAssertTrue(r.output.contains("scanning the history"), "\(event): \(r.output)")
            XCTAssertEqual(try results(r).count, 1, event)
        }
        XCTAssertEqual(try action("pull_request", payload: [:], in: repo, inputs: ["mode": "history"]).run.status, 1)
    }

    func testBadEventsAndMissingCommitsAreErrors() throws {
        let (repo, base) = try repositoryWithBase()
        let missing = String(repeating: "ab", count: 20)
        let cases: [(String, [String: Any], [String: String], String)] = [
            ("pull_request", pullRequest(base: missing, head: base), [:], "not a commit"),
            ("pull_request", ["pull_request": ["base": ["sha": "--output=/tmp/x"], "head": ["sha": base]]], [:], "has no commit id"),
            ("release", [:], [:], "mode auto does not know the release event"),
            ("schedule", [:], ["mode": "diff"], "needs a pull_request or push event"),
            ("push", ["before": base, "after": base], ["mode": "everything"], "mode must be auto, diff, history or staged"),
        ]
        for (event, payload, inputs, message) in cases {
            let r = try action(event, payload: payload, in: repo, inputs: inputs)
            XCTAssertEqual(r.run.status, 2, "\(event) \(inputs): \(r.output)")
            XCTAssertTrue(r.run.stderr.contains(message), "\(event): \(r.output)")
            XCTAssertEqual(r.outputs["exit-code"] ?? "2", "2")
        }
    }

    func testInputsReachTheScan() throws {
        let repo = try makeRepository()
        // In a range the config is read from the base commit, so it is committed there.
        try write("exclude_paths: [\"*.env\"]\n", to: "ci/tokenwarden.yaml", in: repo)
        try commitAll(repo, "base with a CI config")
        let base = try head(repo)
        try git(["checkout", "-q", "-b", "feature"], in: repo)
        try write("TOKEN=\(token)\n", to: "leak.env", in: repo)
        try commitAll(repo, "leak")
        let pr = try head(repo)
        let event = pullRequest(base: base, head: pr)
        XCTAssertEqual(try action("pull_request", payload: event, in: repo).run.status, 1, "without the config the leak blocks")
        let configured = try action("pull_request", payload: event, in: repo, inputs: ["config": "ci/tokenwarden.yaml"])
        XCTAssertEqual(configured.run.status, 0, "the config input excluded the file: " + configured.output)
        let args = try action("pull_request", payload: event, in: repo, inputs: ["args": "--format json"])
        XCTAssertEqual(args.run.status, 1, args.output)
        XCTAssertTrue(args.run.stdout.contains("\"rule\" : \"github-pat-classic\""), args.output)
    }
}
