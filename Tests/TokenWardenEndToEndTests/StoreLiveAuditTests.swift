import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// End-to-end: `store audit --live` against the loopback stand-in for GitHub's API.
final class StoreLiveAuditTests: CLITestCase {
    let github = "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"
    let other = "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"
    let zenodo = "Qm7Tz2Lw9Xc4Vb8Nn1Pk6Rj3Hs5Gd0Fa2Ye7Uo4Ii9Wq1Er6Ty3Ui8Op5As0"

    /// A store with a GitHub token deployed in GH_TOKEN and a Zenodo token kept only in a file.
    private func repository() throws -> URL {
        let repo = try makeRepository()
        for (token, args) in [
            (
                github,
                [
                    "--service", "github", "--id", "gh-ci", "--owner", "ci", "--scopes", "read:packages,gist", "--needs",
                    "read:packages,gist", "--expires", Day.today.adding(days: 200).description, "--stored-in", "env:GH_TOKEN",
                ]
            ),
            (
                zenodo,
                [
                    "--service", "zenodo", "--id", "zen", "--owner", "data", "--scopes", "deposit:write", "--needs", "deposit:write",
                    "--expires", Day.today.adding(days: 200).description, "--stored-in", "file:~/.zenodorc",
                ]
            ),
        ] {
            let r = try run(["store", "add"] + args, in: repo, stdin: token + "\n")
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        return repo
    }

    private func githubAPI(status: Int, scopes: String? = nil) throws -> LoopbackServices {
        try LoopbackServices(routes: [
            .init(
                "/user", status: status, responseHeaders: scopes.map { ["X-OAuth-Scopes": $0] },
                json: status == 200 ? ["login": "octocat"] : nil)
        ])
    }

    private func audit(_ repo: URL, _ server: LoopbackServices, env: [String: String], _ extra: [String] = []) throws -> Run {
        try run(
            ["store", "audit", "--live", "--format", "json"] + extra, in: repo,
            environment: env.merging(["TOKENWARDEN_VERIFY_ENDPOINT_GITHUB": server.baseURL]) { $1 })
    }

    private func tokens(_ r: Run) throws -> [String: [String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: [[String: Any]]]
        return Dictionary(uniqueKeysWithValues: (object?["tokens"] ?? []).map { ($0["id"] as! String, $0) })
    }

    func testDriftIsFoundAndOnlyTheDeployedTokenIsSent() throws {
        let repo = try repository()
        let server = try githubAPI(status: 200, scopes: "read:packages, repo")
        let r = try audit(repo, server, env: ["GH_TOKEN": github])
        XCTAssertEqual(r.status, 1, r.stderr)
        let seen = try server.requests()
        XCTAssertEqual(seen.count, 1)
        XCTAssertTrue(seen[0].headers["authorization"]?.hasSuffix(github) == true, "the token goes in the Authorization header")
        let byID = try tokens(r)
        let live = byID["gh-ci"]?["live"] as? [String: Any]
        XCTAssertEqual(live?["verification"] as? String, "valid")
        XCTAssertEqual(live?["verified_identity"] as? String, "octocat")
        XCTAssertEqual(live?["variable"] as? String, "GH_TOKEN")
        XCTAssertEqual(live?["live_scopes"] as? [String], ["read:packages", "repo"])
        XCTAssertEqual(live?["scope_drift"] as? [String: [String]], ["added": ["repo"], "removed": ["gist"]])
        XCTAssertEqual(
            Set(((live?["problems"] as? [[String: String]]) ?? []).compactMap { $0["kind"] }),
            ["scope-drift-added", "scope-drift-removed", "live-over-scoped"])
        XCTAssertEqual(byID["gh-ci"]?["compliant"] as? Bool, false)
        let zen = byID["zen"]?["live"] as? [String: Any]
        XCTAssertEqual(zen?["checked"] as? Bool, false)
        XCTAssertEqual(zen?["not_checked"] as? String, "no raw value: no env:NAME in stored_in")
        XCTAssertFalse(r.stdout.contains(github))
        XCTAssertFalse(r.stderr.contains(github))
    }

    func testARevokedTokenStillRegisteredFails() throws {
        let repo = try repository()
        let server = try githubAPI(status: 401)
        let r = try run(
            ["store", "audit", "--live"], in: repo, environment: ["GH_TOKEN": github, "TOKENWARDEN_VERIFY_ENDPOINT_GITHUB": server.baseURL])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stdout.contains("LIVE"), r.stdout)
        XCTAssertTrue(r.stdout.contains("revoked or expired, yet still registered"), r.stdout)
        XCTAssertTrue(r.stdout.contains("not checked (no raw value: no env:NAME in stored_in)"), r.stdout)
        XCTAssertTrue(r.stderr.contains("1 revoked but still registered"), r.stderr)
    }

    func testMatchingScopesComply() throws {
        let repo = try repository()
        let server = try githubAPI(status: 200, scopes: "read:packages, gist")
        let r = try audit(repo, server, env: ["GH_TOKEN": github])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertEqual(try tokens(r)["gh-ci"]?["compliant"] as? Bool, true)
    }

    func testAnErrorMakesTheAuditIncomplete() throws {
        let repo = try repository()
        let server = try githubAPI(status: 503)
        let r = try audit(repo, server, env: ["GH_TOKEN": github])
        XCTAssertEqual(r.status, 2, r.stderr)
        let problems = (try tokens(r)["gh-ci"]?["live"] as? [String: Any])?["problems"] as? [[String: String]]
        XCTAssertEqual(problems?.first?["kind"], "error")
    }

    func testAnotherValueInTheVariableIsNeverSent() throws {
        let repo = try repository()
        let server = try githubAPI(status: 200, scopes: "read:packages, gist")
        let r = try audit(repo, server, env: ["GH_TOKEN": other])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try server.connections().accepted, 0)
        XCTAssertEqual(
            (try tokens(r)["gh-ci"]?["live"] as? [String: Any])?["not_checked"] as? String, "no raw value: GH_TOKEN holds another value")
    }

    func testDryRunListsTheHostAndSendsNothing() throws {
        let repo = try repository()
        let server = try githubAPI(status: 200, scopes: "read:packages, gist")
        let r = try run(
            ["store", "audit", "--live", "--dry-run"], in: repo,
            environment: ["GH_TOKEN": github, "TOKENWARDEN_VERIFY_ENDPOINT_GITHUB": server.baseURL])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("would send to \(server.baseURL)"), r.stdout)
        XCTAssertTrue(r.stderr.contains("1 tokens would be sent (nothing sent), 1 not checked"), r.stderr)
        XCTAssertEqual(try server.connections().accepted, 0)
        let bad = try run(
            ["store", "audit", "--live"], in: repo,
            environment: ["GH_TOKEN": github, "TOKENWARDEN_VERIFY_ENDPOINT_GITHUB": "http://10.0.0.1:80"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(try run(["store", "audit", "--dry-run"], in: repo).status, 2, "--dry-run needs --live")
    }
}

/// End-to-end: `scan --verify` judges the scopes a valid token's service reports by the policy.
final class LiveScopeScanTests: CLITestCase {
    let github = "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"

    private func scan(_ repo: URL, scopes: String) throws -> [String: Any] {
        let server = try LoopbackServices(routes: [
            .init("/user", status: 200, responseHeaders: ["X-OAuth-Scopes": scopes], json: ["login": "octocat"])
        ])
        let r = try run(
            ["scan", "--verify", "--format", "json", "."], in: repo, environment: ["TOKENWARDEN_VERIFY_ENDPOINT_GITHUB": server.baseURL])
        XCTAssertEqual(r.status, 1, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        XCTAssertEqual(findings.count, 1)
        return findings.first ?? [:]
    }

    func testAnUnregisteredValidTokenIsJudgedByItsLiveScopes() throws {
        let repo = try makeRepository()
        try write("GH=\(github)\n", to: "ci.env", in: repo)
        let f = try scan(repo, scopes: "repo, read:org")
        XCTAssertEqual(f["verification"] as? String, "valid")
        XCTAssertEqual(f["scopes"] as? [String], ["repo", "read:org"])
        XCTAssertEqual(f["over_scoped"] as? Bool, true)
        XCTAssertEqual(f["excess_scopes"] as? [String], ["repo"])
        let narrow = try scan(repo, scopes: "read:org")
        XCTAssertEqual(narrow["over_scoped"] as? Bool, false)
    }

    func testARegisteredTokenIsJudgedByLiveScopesAndItsNeeds() throws {
        let repo = try makeRepository()
        let add = try run(
            [
                "store", "add", "--service", "github", "--id", "gh-ci", "--owner", "ci", "--scopes", "read:org", "--needs", "read:org",
                "--expires", Day.today.adding(days: 100).description,
            ], in: repo, stdin: github + "\n")
        XCTAssertEqual(add.status, 0, add.stderr)
        try write("GH=\(github)\n", to: "ci.env", in: repo)
        // The store says read:org only; the service says it can also manage gists.
        let f = try scan(repo, scopes: "read:org, gist")
        XCTAssertEqual(f["status"] as? String, "leaked")
        XCTAssertEqual(f["scopes"] as? [String], ["read:org", "gist"])
        XCTAssertEqual(f["excess_scopes"] as? [String], ["gist"], "beyond the registered needs")
        let server = try LoopbackServices(routes: [.init("/user", status: 200, responseHeaders: ["X-OAuth-Scopes": "read:org, gist"])])
        let text = try run(["scan", "--verify", "."], in: repo, environment: ["TOKENWARDEN_VERIFY_ENDPOINT_GITHUB": server.baseURL])
        XCTAssertTrue(text.stdout.contains("live scopes: read:org, gist; over-scoped: gist"), text.stdout)
    }
}
