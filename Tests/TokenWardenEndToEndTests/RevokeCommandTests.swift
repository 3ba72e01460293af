import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// End-to-end: `tokenwarden revoke` against the loopback stand-in for GitHub's revocation API.
final class RevokeCommandTests: CLITestCase {
    let classic = "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"
    let oauth = "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"
    let slack = "xoxb-485708393473-6714321785375-pOYzBneBDtnhP0NRvQ24rzYy"

    private func github(status: Int = 202, headers: [String: String]? = nil) throws -> LoopbackServices {
        try LoopbackServices(routes: [.init("/credentials/revoke", method: "POST", status: status, responseHeaders: headers)])
    }

    private func endpoint(_ server: LoopbackServices) -> [String: String] { ["TOKENWARDEN_VERIFY_ENDPOINT_GITHUB": server.baseURL] }

    func testConfirmedTokensAreSentInTheBodyAndReportedRedacted() throws {
        let server = try github()
        let r = try run(["revoke", "--stdin", "--yes"], stdin: "\(classic)\n\n  \(oauth)  \n\(classic)\n", environment: endpoint(server))
        XCTAssertEqual(r.status, 0, r.stderr)
        let seen = try server.requests()
        XCTAssertEqual(seen.count, 1)
        XCTAssertEqual(seen.first?.method, "POST")
        XCTAssertNil(seen.first?.headers["authorization"], "the API takes no authentication")
        let body = try JSONSerialization.jsonObject(with: Data(seen[0].body.utf8)) as? [String: [String]]
        XCTAssertEqual(body, ["credentials": [classic, oauth]], "each token once, trimmed")
        XCTAssertEqual(r.stdout.split(separator: "\n").count, 2)
        XCTAssertTrue(r.stdout.contains("ghp_…YhBa\tgithub-pat-classic\tsubmitted (HTTP 202)"), r.stdout)
        for text in [r.stdout, r.stderr] {
            XCTAssertFalse(text.contains(classic))
            XCTAssertFalse(text.contains(oauth))
        }
        XCTAssertTrue(r.stderr.contains("2 of 2 tokens submitted for revocation"), r.stderr)
    }

    func testNothingIsSentWithoutConfirmation() throws {
        let server = try github()
        // The test has no terminal, so there is no one to ask.
        let r = try run(["revoke", "--from-env", "LEAKED"], environment: endpoint(server).merging(["LEAKED": classic]) { $1 })
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("no terminal to confirm on: pass --yes"), r.stderr)
        XCTAssertEqual(try server.requests().count, 0)
        XCTAssertEqual(try server.connections().accepted, 0)
    }

    /// Runs `revoke --from-env LEAKED` on a pseudo-terminal (util-linux `script`), answering `answer`.
    private func onTerminal(answer: String, _ server: LoopbackServices) throws -> Run {
        try Self.execute(
            "/usr/bin/script", ["-qec", "'\(Self.binary.path)' revoke --from-env LEAKED", "/dev/null"], in: nil, stdin: answer + "\n",
            environment: endpoint(server).merging(["LEAKED": classic]) { $1 })
    }

    func testTheTerminalIsAskedAndOnlyYesSends() throws {
        let server = try github()
        let no = try onTerminal(answer: "n", server)
        XCTAssertEqual(no.status, 1, no.stdout)
        XCTAssertTrue(no.stdout.contains("Revoke 1 GitHub tokens (ghp_…YhBa) through \(server.baseURL)/credentials/revoke?"), no.stdout)
        XCTAssertTrue(no.stdout.contains("not confirmed; nothing was sent"), no.stdout)
        XCTAssertEqual(try server.connections().accepted, 0)
        let yes = try onTerminal(answer: "yes", server)
        XCTAssertEqual(yes.status, 0, yes.stdout)
        XCTAssertEqual(try server.requests().count, 1)
        XCTAssertFalse(yes.stdout.contains(classic))
    }

    func testANonGitHubTokenStopsTheRunBeforeAnythingIsSent() throws {
        let server = try github()
        let dir = try TestSupport.temporaryDirectory(self)
        let file = dir.appendingPathComponent("tokens.txt")
        try "\(classic)\n\(slack)\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try run(["revoke", "--file", file.path, "--yes"], environment: endpoint(server))
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("refused: token 2 (xoxb-…rzYy)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("not a GitHub token: a slack secret (slack-bot-token)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("1 of 2 tokens refused; nothing was sent"), r.stderr)
        XCTAssertFalse(r.stderr.contains(slack))
        XCTAssertEqual(try server.connections().accepted, 0)
    }

    func testDryRunNamesTheTargetAndSendsNothing() throws {
        let server = try github()
        let r = try run(["revoke", "--stdin", "--dry-run"], stdin: classic + "\n", environment: endpoint(server))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "would send 1 GitHub tokens to \(server.baseURL)/credentials/revoke: ghp_…YhBa\n")
        XCTAssertEqual(try server.connections().accepted, 0)
        // Without the test endpoint, the one host is GitHub's.
        let real = try run(["revoke", "--stdin", "--dry-run"], stdin: classic + "\n")
        XCTAssertTrue(real.stdout.contains("to https://api.github.com/credentials/revoke"), real.stdout)
    }

    func testRefusalsAndRateLimitsExit2() throws {
        let spammed = try github(status: 422)
        let r = try run(["revoke", "--stdin", "--yes"], stdin: classic + "\n", environment: endpoint(spammed))
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stdout.contains("not revoked: HTTP 422: validation failed, or the endpoint has been spammed"), r.stdout)
        let limited = try github(status: 429, headers: ["Retry-After": "60"])
        let l = try run(["revoke", "--stdin", "--yes"], stdin: classic + "\n", environment: endpoint(limited))
        XCTAssertEqual(l.status, 2)
        XCTAssertTrue(l.stdout.contains("rate limited (60 requests an hour); retry after 60 s"), l.stdout)
    }

    func testTokensNeverComeFromArgvAndTheEndpointIsLoopbackOnly() throws {
        let none = try run(["revoke", "--yes"])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("--stdin, --file PATH, --from-env NAME or --report PATH"), none.stderr)
        XCTAssertNotEqual(try run(["revoke", classic]).status, 0)
        for bad in ["http://10.0.0.1:80", "http://localhost:8080", "https://api.github.com.evil.example"] {
            let r = try run(
                ["revoke", "--stdin", "--yes"], stdin: classic + "\n", environment: ["TOKENWARDEN_VERIFY_ENDPOINT_GITHUB": bad])
            XCTAssertEqual(r.status, 2, bad)
            XCTAssertTrue(r.stderr.contains("a test endpoint must be http(s)://127.0.0.1:PORT"), r.stderr)
        }
    }
}

extension RevokeCommandTests {
    func testTheGitHubFindingsOfAScanReportAreRevoked() throws {
        let server = try github()
        let repo = try makeRepository()
        try write("GH=\(classic)\nSLACK=\(slack)\n", to: "ci.env", in: repo)
        let scan = try run(["scan", "--format", "json", "--show-secrets", "."], in: repo)
        XCTAssertEqual(scan.status, 1, scan.stderr)
        let r = try run(["revoke", "--report", "-", "--yes"], stdin: scan.stdout, environment: endpoint(server))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("1 findings of the report left out: not GitHub tokens"), r.stderr)
        let body = try JSONSerialization.jsonObject(with: Data(try server.requests()[0].body.utf8)) as? [String: [String]]
        XCTAssertEqual(body, ["credentials": [classic]])
        // Without --show-secrets the report holds no secret: an error, nothing sent.
        let redacted = try run(["scan", "--format", "jsonl", "."], in: repo)
        let none = try run(["revoke", "--report", "-", "--yes"], stdin: redacted.stdout, environment: endpoint(server))
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("1 GitHub findings have no secret: make the report with `scan --show-secrets`"), none.stderr)
        XCTAssertEqual(try server.requests().count, 1)
    }
}
