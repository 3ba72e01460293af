import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// `scan --verify` end to end: the built binary, libcurl, and the loopback stand-in for each
/// service (`LoopbackServices`). Nothing is sent anywhere but 127.0.0.1.
final class VerifyTests: CLITestCase {
    static let zenodo = "SZbPzEAtO1nPQiqjWkya1DviWELaaz3nYjAVSWpc7gOpTXOmWWn9BD1INViL"
    static let github = "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"

    private func endpoint(_ service: String, _ server: LoopbackServices) -> [String: String] {
        [EndpointOverrides.variable(for: service): server.baseURL]
    }

    private func scan(
        _ files: [String: String], _ flags: [String] = ["--verify"], environment: [String: String], format: String = "json"
    ) throws -> (Run, [Finding]) {
        let dir = try TestSupport.temporaryDirectory(self)
        for (path, text) in files { try write(text, to: path, in: dir) }
        let r = try run(["scan", "--no-progress", "-f", format] + flags + ["."], in: dir, environment: environment)
        return (r, format == "json" ? try report(r).findings : [])
    }

    /// One documented answer per seed service: valid with the identity it reports, invalid, unknown.
    func testEachSeedServiceValidInvalidAndUnknown() throws {
        struct Case {
            var service: String, file: String, valid: String, path: String, method = "GET"
            var headers: (String) -> [String: String]
            var query: (String) -> [String: String]? = { _ in nil }
            var body: LoopbackServices.JSONValue, identity: String?, unknownStatus = 403
            /// For self-hosted services: the config that allows their instance.
            var config: String? = nil
        }
        let pydio = "e-cLgTAjKX3f_Ayh8bc3m3bpUlaMSCQSUjsHAyeVJ7P.uWcmdMTKK41x94ZuTYYJVllanwmVRNSihCo0mMHKT65"
        let codeocean = "cop_mVFW4pd2fjA69bEWwt2u9IO2pyV7mu1sUJuz5g01"
        let cases = [
            Case(
                service: "zenodo", file: "export ZENODO_TOKEN=\(Self.zenodo)\n", valid: Self.zenodo, path: "/api/deposit/depositions",
                headers: { ["Authorization": "Bearer \($0)"] }, body: [["owner": 4242]], identity: "user 4242"),
            Case(
                service: "zenodo-sandbox", file: "export ZENODO_SANDBOX_TOKEN=\(Self.zenodo)\n", valid: Self.zenodo,
                path: "/api/deposit/depositions", headers: { ["Authorization": "Bearer \($0)"] }, body: [], identity: nil),
            Case(
                service: "b2share", file: "export B2SHARE_TOKEN=YWWMvqlVrPWNjdhqykSUUENYWMVreP7z6WGDjKhyGy2tHTxpvDJs5Y6d17K8\n",
                valid: "YWWMvqlVrPWNjdhqykSUUENYWMVreP7z6WGDjKhyGy2tHTxpvDJs5Y6d17K8", path: "/api/user/", headers: { _ in [:] },
                query: { ["access_token": $0] }, body: ["id": "u1", "email": "ana@example.org"], identity: "ana@example.org"),
            Case(
                service: "anaconda", file: "export ANACONDA_API_TOKEN=an-2b0a114d-123b-4624-8d6d-e79e7ec8ac7f\n",
                valid: "an-2b0a114d-123b-4624-8d6d-e79e7ec8ac7f", path: "/user", headers: { ["Authorization": "token \($0)"] },
                body: ["login": "labuser"], identity: "labuser"),
            Case(
                service: "github", file: "export GITHUB_TOKEN=\(Self.github)\n", valid: Self.github, path: "/user",
                headers: { ["Authorization": "Bearer \($0)"] }, body: ["login": "octocat"], identity: "octocat"),
            Case(
                service: "codeocean", file: "export CODEOCEAN_TOKEN=\(codeocean)\n", valid: codeocean, path: "/api/v1/capsules/search",
                method: "POST", headers: { ["Authorization": "Basic " + Data("\($0):".utf8).base64EncodedString()] }, body: ["results": []],
                identity: nil, config: "verify:\n  hosts:\n    codeocean: [https://codeocean.example.edu]\n"),
            Case(
                service: "pydio-cells", file: "export CEC_URL=https://cells.acme.org; export CEC_TOKEN=\(pydio)\n", valid: pydio,
                path: "/a/workspace", method: "POST", headers: { ["Authorization": "Bearer \($0)"] }, body: ["Workspaces": []],
                identity: nil,
                config: "verify:\n  hosts:\n    pydio-cells: [https://cells.acme.org]\n"),
        ]
        for c in cases {
            for (status, expected) in [(200, VerificationStatus.valid), (401, .invalid), (c.unknownStatus, .unknown)] {
                let server = try LoopbackServices(routes: [
                    .init(c.path, method: c.method, query: c.query(c.valid), headers: c.headers(c.valid), status: status, json: c.body)
                ])
                var files = ["cred.env": c.file]
                if let config = c.config { files[".tokenwarden.yaml"] = config }
                // The allow list counts only from a config the user names (see the next test).
                let flags = c.config == nil ? ["--verify"] : ["--verify", "--config", ".tokenwarden.yaml"]
                let (r, findings) = try scan(files, flags, environment: endpoint(c.service, server))
                let f = try XCTUnwrap(findings.first { $0.service == c.service }, "\(c.service): \(r.stderr)")
                XCTAssertEqual(f.verification, expected, "\(c.service) HTTP \(status): \(f.verificationReason ?? "")")
                XCTAssertEqual(f.verifiedIdentity, expected == .valid ? c.identity : nil, c.service)
                XCTAssertEqual(f.verifiedHost, "127.0.0.1")
                let seen = try server.requests()
                XCTAssertEqual(seen.count, 1, c.service)
                XCTAssertEqual(seen.first?.route, 0, "\(c.service): the request carried the secret where the service expects it")
                XCTAssertFalse(r.stdout.contains(c.valid), "\(c.service): the report holds the secret")
            }
        }
    }

    func testASelfHostedInstanceNotAllowedGetsNothing() throws {
        let server = try LoopbackServices(routes: [.init("/a/workspace", method: "POST", status: 200, json: [:])])
        let pydio =
            "export CEC_URL=https://cells.acme.org; export CEC_TOKEN=e-cLgTAjKX3f_Ayh8bc3m3bpUlaMSCQSUjsHAyeVJ7P.uWcmdMTKK41x94ZuTYYJVllanwmVRNSihCo0mMHKT65\n"
        let (_, findings) = try scan(
            ["cells.env": pydio, "co.env": "export CODEOCEAN_TOKEN=cop_mVFW4pd2fjA69bEWwt2u9IO2pyV7mu1sUJuz5g01\n"],
            environment: endpoint("pydio-cells", server).merging(endpoint("codeocean", server)) { a, _ in a })
        XCTAssertEqual(
            findings.first { $0.service == "pydio-cells" }?.verificationReason,
            "instance https://cells.acme.org next to the secret is not in verify.hosts.pydio-cells")
        XCTAssertEqual(
            findings.first { $0.service == "codeocean" }?.verificationReason, "no instance known: list it in verify.hosts.codeocean")
        XCTAssertEqual(try server.connections().accepted, 0)
    }

    /// A hostile repository's own `.tokenwarden.yaml` cannot allow a host for the secrets found in it
    /// (a developer's untracked `.env` included): only a config named with `--config` can.
    func testTheScannedRepositorysOwnConfigCannotAllowAHost() throws {
        let server = try LoopbackServices(routes: [.init("/a/workspace", method: "POST", status: 200, json: [:])])
        let files = [
            "cells.env":
                "export CEC_URL=https://cells.attacker.example; export CEC_TOKEN=e-cLgTAjKX3f_Ayh8bc3m3bpUlaMSCQSUjsHAyeVJ7P.uWcmdMTKK41x94ZuTYYJVllanwmVRNSihCo0mMHKT65\n",
            ".tokenwarden.yaml": "verify:\n  context_hosts: true\n  hosts:\n    pydio-cells: [https://cells.attacker.example]\n",
        ]
        let (r, findings) = try scan(files, environment: endpoint("pydio-cells", server))
        XCTAssertEqual(
            findings.first { $0.service == "pydio-cells" }?.verificationReason,
            "instance https://cells.attacker.example next to the secret is not in verify.hosts.pydio-cells", r.stderr)
        XCTAssertTrue(r.stderr.contains(".tokenwarden.yaml: verify: ignored"), r.stderr)
        XCTAssertEqual(try server.connections().accepted, 0)
    }

    func testTheSameTokenInThreeFilesIsSentOnce() throws {
        let server = try LoopbackServices(routes: [.init("/api/deposit/depositions", status: 200, json: [])])
        let line = "ZENODO_TOKEN=\(Self.zenodo)\n"
        let (_, findings) = try scan(["a.env": line, "b/c.env": line, "d.env": line], environment: endpoint("zenodo", server))
        XCTAssertEqual(findings.count, 3)
        XCTAssertEqual(Set(findings.map(\.verification)), [.valid])
        XCTAssertEqual(try server.requests().count, 1)
    }

    func testASlowServiceIsATimeout() throws {
        let server = try LoopbackServices(routes: [.init("/api/deposit/depositions", status: 200, json: [], delay: 3)])
        let (_, findings) = try scan(
            ["a.env": "ZENODO_TOKEN=\(Self.zenodo)\n"], ["--verify", "--verify-timeout", "0.5"], environment: endpoint("zenodo", server))
        XCTAssertEqual(findings.first?.verification, .error)
        XCTAssertEqual(findings.first?.verificationReason, "timeout")
        XCTAssertEqual(try server.requests().count, 3, "two retries after the first timeout")
    }

    func testA429IsRetriedAfterItsRetryAfterThenValid() throws {
        let server = try LoopbackServices(routes: [
            .init("/api/deposit/depositions", times: 1, status: 429, responseHeaders: ["Retry-After": "1"], json: ["message": "slow down"]),
            .init("/api/deposit/depositions", status: 200, json: []),
        ])
        let start = Date()
        let (_, findings) = try scan(["a.env": "ZENODO_TOKEN=\(Self.zenodo)\n"], environment: endpoint("zenodo", server))
        XCTAssertEqual(findings.first?.verification, .valid)
        XCTAssertEqual(try server.requests().map(\.route), [0, 1])
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 1)
    }

    func testServerErrorsAreRetriedThenAnError() throws {
        let server = try LoopbackServices(routes: [.init("/api/deposit/depositions", status: 503, body: "down")])
        let (r, findings) = try scan(["a.env": "ZENODO_TOKEN=\(Self.zenodo)\n"], environment: endpoint("zenodo", server))
        XCTAssertEqual(findings.first?.verification, .error)
        XCTAssertEqual(findings.first?.verificationReason, "HTTP 503")
        XCTAssertEqual(try server.requests().count, 3)
        XCTAssertEqual(r.status, 1, "an unverifiable secret still blocks as before")
    }

    func testARedirectToAnotherHostIsRefusedAndThatHostGetsNothing() throws {
        let other = try LoopbackServices(routes: [.init("/api/deposit/depositions", status: 200, json: [])])
        let server = try LoopbackServices(routes: [
            .init("/api/deposit/depositions", status: 307, responseHeaders: ["Location": other.baseURL + "/api/deposit/depositions"])
        ])
        let (_, findings) = try scan(["a.env": "ZENODO_TOKEN=\(Self.zenodo)\n"], environment: endpoint("zenodo", server))
        XCTAssertEqual(findings.first?.verification, .error)
        XCTAssertEqual(findings.first?.verificationReason, "redirect to 127.0.0.1 refused")
        XCTAssertEqual(try server.requests().count, 1)
        XCTAssertEqual(try other.connections().accepted, 0)
    }

    func testATLSFailureIsAnErrorAndTheSecretIsNotResent() throws {
        let server = try LoopbackServices(routes: [.init("/api/deposit/depositions", status: 200, json: [])], tls: true)
        let (_, findings) = try scan(["a.env": "ZENODO_TOKEN=\(Self.zenodo)\n"], environment: endpoint("zenodo", server))
        XCTAssertEqual(findings.first?.verification, .error)
        XCTAssertTrue(findings.first?.verificationReason?.hasPrefix("TLS failure") == true, findings.first?.verificationReason ?? "")
        XCTAssertEqual(try server.connections().accepted, 1, "one handshake, no second attempt")
        XCTAssertEqual(try server.requests().count, 0, "the request (and its secret) never went over the refused connection")
    }

    func testATestEndpointOtherThanLoopbackIsAnError() throws {
        for bad in ["http://10.0.0.1:80", "http://example.com:80", "https://localhost:8443"] {
            let (r, _) = try scan(
                ["a.env": "ZENODO_TOKEN=\(Self.zenodo)\n"], environment: ["TOKENWARDEN_VERIFY_ENDPOINT_ZENODO": bad], format: "text")
            XCTAssertEqual(r.status, 2, bad)
            XCTAssertTrue(r.stderr.contains("TOKENWARDEN_VERIFY_ENDPOINT_ZENODO=\(bad): a test endpoint must be"), r.stderr)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        }
    }

    func testDryRunListsHostsAndSendsNothing() throws {
        let server = try LoopbackServices(routes: [.init("/api/deposit/depositions", status: 200, json: [])])
        let files = [
            "a.env": "ZENODO_TOKEN=\(Self.zenodo)\n", "g.env": "GITHUB_TOKEN=\(Self.github)\n",
            "b.env":
                "B2SHARE_URL=https://b2share.other.example\nB2SHARE_TOKEN=YWWMvqlVrPWNjdhqykSUUENYWMVreP7z6WGDjKhyGy2tHTxpvDJs5Y6d17K8\n",
        ]
        let (r, findings) = try scan(files, ["--verify", "--dry-run"], environment: endpoint("zenodo", server))
        XCTAssertEqual(try server.connections().accepted, 0)
        XCTAssertTrue(r.stderr.contains("verify --dry-run: would send 1 finding to https://api.github.com (fixed)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("verify --dry-run: would send 1 finding to \(server.baseURL) (test-override)"), r.stderr)
        XCTAssertTrue(
            r.stderr.contains("not sent: instance https://b2share.other.example next to the secret is not in verify.hosts.b2share"),
            r.stderr)
        XCTAssertEqual(Set(findings.map(\.verification)), [.unknown])
    }

    func testOnlyVerifiedKeepsTheValidFindingsAndCountsTheOthers() throws {
        let server = try LoopbackServices(routes: [
            .init("/api/deposit/depositions", status: 200, json: []), .init("/user", status: 401, json: ["message": "Bad credentials"]),
        ])
        let environment = endpoint("zenodo", server).merging(endpoint("github", server)) { a, _ in a }
        let files = ["a.env": "ZENODO_TOKEN=\(Self.zenodo)\n", "g.env": "GITHUB_TOKEN=\(Self.github)\n"]
        let (r, findings) = try scan(files, ["--only-verified"], environment: environment)
        XCTAssertEqual(findings.map(\.service), ["zenodo"])
        XCTAssertEqual(try report(r).summary.notVerified, 1)
        XCTAssertTrue(r.stderr.contains("verified: 1 valid, 1 not verified valid (--only-verified)"), r.stderr)
        let plan = try scan(files, ["--only-verified", "--dry-run"], environment: environment)
        XCTAssertEqual(plan.1.count, 2, "a dry run keeps every finding: it verified none")
        XCTAssertTrue(plan.0.stderr.contains("verify --dry-run: would send 2 findings to \(server.baseURL) (test-override)"), plan.0.stderr)
    }

    func testFailOnVerificationBlocksOnlyValidSecrets() throws {
        let server = try LoopbackServices(routes: [.init("/user", status: 401, json: ["message": "Bad credentials"])])
        let files = ["g.env": "GITHUB_TOKEN=\(Self.github)\n", ".tokenwarden.yaml": "fail_on:\n  verification: [valid]\n"]
        let (r, findings) = try scan(files, environment: endpoint("github", server))
        XCTAssertEqual(findings.first?.verification, .invalid)
        XCTAssertEqual(findings.first?.blocking, false)
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("verified: 1 invalid"), r.stderr)
        let bad = try scan(["g.env": "x\n", ".tokenwarden.yaml": "fail_on:\n  verification: [alive]\n"], environment: [:], format: "text").0
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(
            bad.stderr.contains("'fail_on.verification' entries must be valid, invalid, unknown or error, not 'alive'"), bad.stderr)
    }

    func testAValidTokenIsCriticalInSARIFAndCarriesItsLiveScopes() throws {
        let server = try LoopbackServices(routes: [
            .init("/user", status: 200, responseHeaders: ["X-OAuth-Scopes": "repo, gist"], json: ["login": "octocat"])
        ])
        let (r, _) = try scan(["g.env": "GITHUB_TOKEN=\(Self.github)\n"], environment: endpoint("github", server), format: "sarif")
        let sarif = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let run = try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first)
        let result = try XCTUnwrap((run["results"] as? [[String: Any]])?.first)
        let properties = try XCTUnwrap(result["properties"] as? [String: Any])
        XCTAssertEqual(properties["security-severity"] as? String, "9.5")
        XCTAssertEqual(properties["verification"] as? String, "valid")
        XCTAssertEqual(properties["verified_identity"] as? String, "octocat")
        XCTAssertEqual(properties["scopes"] as? [String], ["repo", "gist"])
        let rule = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        XCTAssertEqual((rule.first?["properties"] as? [String: Any])?["security-severity"] as? String, "9.5")
        XCTAssertTrue((result["message"] as? [String: Any])?["text"].map { "\($0)".contains("verified valid (octocat)") } ?? false)
    }

    func testStagedScansVerifyOnlyWhenAsked() throws {
        let server = try LoopbackServices(routes: [.init("/api/deposit/depositions", status: 200, json: [])])
        let repo = try makeRepository()
        try write("ZENODO_TOKEN=\(Self.zenodo)\n", to: "deploy.env", in: repo)
        try git(["add", "deploy.env"], in: repo)
        let plain = try run(["scan", "--staged", "-f", "json"], in: repo, environment: endpoint("zenodo", server))
        XCTAssertNil(try report(plain).findings.first?.verification)
        XCTAssertEqual(try server.connections().accepted, 0, "the pre-commit scan sends nothing by default")
        let asked = try run(["scan", "--staged", "--verify", "-f", "json"], in: repo, environment: endpoint("zenodo", server))
        XCTAssertEqual(try report(asked).findings.first?.verification, .valid)
        XCTAssertEqual(try server.requests().count, 1)
    }

    func testVerificationFlagsNeedVerify() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        for flags in [["--dry-run"], ["--verify-timeout", "3"]] {
            let r = try run(["scan"] + flags + ["."], in: dir)
            XCTAssertEqual(r.status, 2)
            XCTAssertTrue(r.stderr.contains("goes with --verify"), r.stderr)
        }
    }
}
