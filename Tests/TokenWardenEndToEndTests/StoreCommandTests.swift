import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// End-to-end: `tokenwarden store ...` and the store cross-check in `scan`.
final class StoreCommandTests: CLITestCase {
    // One token per seed service, in the places people keep them.
    let zenodo = "Qm7Tz2Lw9Xc4Vb8Nn1Pk6Rj3Hs5Gd0Fa2Ye7Uo4Ii9Wq1Er6Ty3Ui8Op5As0"
    let github = "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"
    let codeocean = "cop_Q8w7e6R5t4Y3u2I1o9P0a8S7d6F5g4H3j2K1"
    let cells = "Kx3vB9qLm2Tz7Wn4Rp8Yd1Fh6Js0Gc5Na3Ve9Ub2Xo.Hq4Wz8Lm1Tc7Pv3Rn9Yb2Fd6Js0Gk5Xa3Me8Ub1Zo"
    let anaconda = "an-3f2b8c1e-9a7d-4e6f-b5c4-2d1e0f9a8b7c"

    private func add(_ repo: URL, _ token: String, _ args: [String], env: [String: String] = [:]) throws -> Run {
        try run(["store", "add"] + args, in: repo, stdin: token + "\n", environment: env)
    }

    private func storeText(_ repo: URL) throws -> String {
        try String(contentsOf: repo.appendingPathComponent(".tokenwarden/store.yaml"), encoding: .utf8)
    }

    private func scanJSON(_ repo: URL, env: [String: String] = [:]) throws -> (Run, [Finding]) {
        let r = try run(["scan", "--format", "json", "."], in: repo, environment: env)
        return (r, try report(r).findings)
    }

    func testAddWritesOnlyFingerprintsAndScanReportsLeakedTokens() throws {
        let repo = try makeRepository()
        var outputs: [String] = []
        for (token, args) in [
            (
                zenodo,
                [
                    "--service", "zenodo", "--id", "zenodo-ci", "--owner", "data-team", "--scopes", "deposit:write,deposit:actions",
                    "--needs", "deposit:write", "--expires", "never", "--stored-in", "env:ZENODO_TOKEN",
                ]
            ),
            (
                github,
                [
                    "--service", "github", "--id", "gh-release", "--owner", "release-bot", "--scopes", "repo,workflow",
                    "--needs", "repo", "--expires", "2099-01-01",
                ]
            ),
            (
                codeocean,
                [
                    "--service", "codeocean", "--id", "co-runner", "--owner", "ml", "--scopes", "capsules:read",
                    "--needs", "capsules:read", "--expires", "2099-01-01",
                ]
            ),
            (cells, ["--service", "pydio-cells", "--id", "cells-sync", "--owner", "ops", "--expires", "never", "--refresh", "auto"]),
            (
                anaconda,
                [
                    "--service", "anaconda", "--id", "conda-upload", "--owner", "ci", "--scopes", "all", "--needs", "conda:upload",
                    "--expires", "2099-01-01",
                ]
            ),
        ] {
            let r = try add(repo, token, args)
            XCTAssertEqual(r.status, 0, r.stderr)
            outputs += [r.stdout, r.stderr]
        }
        let text = try storeText(repo)
        let attributes = try FileManager.default.attributesOfItem(atPath: repo.appendingPathComponent(".tokenwarden/store.yaml").path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)

        try write("[ZENODO]\ntoken = \(zenodo)\n", to: ".zenodorc", in: repo)
        try write("GH=\(github)\nOTHER=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\n", to: "ci.env", in: repo)
        try write("client = CodeOcean(domain=\"https://x.codeocean.com\", token=\"\(codeocean)\")\n", to: "run.py", in: repo)
        try write("export CEC_TOKEN=\(cells)\n", to: "sync.sh", in: repo)
        try write("channels:\n  - https://conda.anaconda.org/t/\(anaconda)/acme\n", to: ".condarc", in: repo)
        let (r, findings) = try scanJSON(repo)
        outputs += [r.stdout, r.stderr]
        XCTAssertEqual(r.status, 1)
        let byPath = Dictionary(grouping: findings, by: \.path)

        let z = try XCTUnwrap(byPath[".zenodorc"]?.first)
        XCTAssertEqual(status(z), "leaked")
        XCTAssertEqual(z.tokenID, "zenodo-ci")
        XCTAssertEqual(z.owner, "data-team")
        XCTAssertEqual(z.overScoped, true)
        XCTAssertEqual(z.excessScopes, ["deposit:actions"])
        XCTAssertEqual(z.expiry?.rawValue, "never")
        XCTAssertEqual(z.blocking, true)
        XCTAssertTrue((z.remediation ?? "").contains("zenodo"), "\(z)")

        let gh = try XCTUnwrap(byPath["ci.env"])
        XCTAssertEqual(gh.map(status), ["leaked", "unregistered"])
        XCTAssertEqual(gh.first?.excessScopes, ["workflow"])

        XCTAssertEqual(byPath["run.py"]?.first?.tokenID, "co-runner")
        XCTAssertEqual(byPath["run.py"]?.first?.overScoped, false)
        XCTAssertEqual(byPath["sync.sh"]?.first?.tokenID, "cells-sync")
        XCTAssertEqual(byPath[".condarc"]?.first?.excessScopes, ["all"])

        let textScan = try run(["scan", "."], in: repo)
        outputs += [textScan.stdout, textScan.stderr]
        XCTAssertTrue(textScan.stdout.contains("leaked registered token zenodo-ci (owner: data-team)"), textScan.stdout)
        XCTAssertTrue(textScan.stdout.contains("over-scoped: deposit:actions"), textScan.stdout)

        for secret in [zenodo, github, codeocean, cells, anaconda] {
            XCTAssertFalse(text.contains(secret), "raw token in the store")
            for output in outputs { XCTAssertFalse(output.contains(secret), "raw token printed") }
        }
    }

    func testStoreDrivenDetectionAndRotation() throws {
        let repo = try makeRepository()
        let custom = "QZX9-internal-7f3a1c9e2b4d6f80a1c3e5"
        XCTAssertEqual(
            try add(repo, custom, ["--service", "internal", "--id", "svc", "--owner", "me", "--expires", "2099-01-01"]).status, 0)
        try write("upstream: \(custom)\n", to: "conf.yaml", in: repo)
        var (r, findings) = try scanJSON(repo)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(findings.first?.rule, "registered-token")
        XCTAssertEqual(findings.first?.service, "internal")

        let rotated = "QZX9-internal-000b1c2d3e4f5a6b7c8d9e"
        let rot = try run(["store", "rotate", "svc"], in: repo, stdin: rotated)
        XCTAssertEqual(rot.status, 0, rot.stderr)
        (r, findings) = try scanJSON(repo)
        XCTAssertEqual(findings.count, 0, "the old value is no longer registered and no rule knows the format")
        try write("upstream: \(rotated)\n", to: "conf.yaml", in: repo)
        (r, findings) = try scanJSON(repo)
        XCTAssertEqual(findings.first?.tokenID, "svc")

        XCTAssertEqual(try run(["store", "remove", "svc"], in: repo).status, 0)
        XCTAssertFalse(try storeText(repo).contains("id: svc"))
        XCTAssertEqual(try run(["store", "remove", "svc"], in: repo).status, 2)
    }

    func testHMACStoreNeedsTheKey() throws {
        let repo = try makeRepository()
        let env = ["TOKENWARDEN_STORE_KEY": "team-secret-key"]
        XCTAssertEqual(
            try add(repo, codeocean, ["--service", "codeocean", "--id", "co", "--owner", "ml", "--expires", "2099-01-01"], env: env).status,
            0)
        XCTAssertTrue(try storeText(repo).contains("fingerprint: hmac-sha256:"))
        try write("CODEOCEAN_TOKEN=\(codeocean)\n", to: "a.env", in: repo)
        let noKey = try run(["scan", "."], in: repo)
        XCTAssertEqual(noKey.status, 2)
        XCTAssertTrue(noKey.stderr.contains("TOKENWARDEN_STORE_KEY is not set"), noKey.stderr)
        let (r, findings) = try scanJSON(repo, env: env)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(findings.first?.tokenID, "co")
        let (_, wrongKey) = try scanJSON(repo, env: ["TOKENWARDEN_STORE_KEY": "other"])
        XCTAssertEqual(wrongKey.first.flatMap(status), "unregistered")
    }

    func testBadInputsLeaveTheStoreUntouched() throws {
        let repo = try makeRepository()
        XCTAssertEqual(try add(repo, github, ["--service", "github", "--id", "gh", "--owner", "o", "--expires", "never"]).status, 0)
        let before = try storeText(repo)
        let cases: [([String], String?, String)] = [
            (["store", "add", "--service", "github", "--id", "gh", "--owner", "o", "--expires", "never"], codeocean, "already registered"),
            (
                ["store", "add", "--service", "github", "--id", "gh2", "--owner", "o", "--expires", "never"], github,
                "already registered as 'gh'"
            ),
            (
                ["store", "add", "--service", "github", "--id", "gh3", "--owner", "o", "--expires", "31/12/2026"], codeocean,
                "--expires must be a date"
            ),
            (["store", "add", "--service", "github", "--id", "gh4", "--owner", "o", "--expires", "never"], "", "no token given"),
            (
                ["store", "add", "--service", "github", "--id", "gh5", "--owner", "o", "--expires", "never", "--from-env", "NOPE_UNSET"],
                nil, "NOPE_UNSET is not set"
            ),
            (["store", "rotate", "gh"], github, "nothing rotated"),
        ]
        for (args, stdin, expected) in cases {
            let r = try run(args, in: repo, stdin: stdin)
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(expected), "\(expected) not in \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, r.stderr.contains("see 'tokenwarden --help'") ? 2 : 1, r.stderr)
            XCTAssertEqual(try storeText(repo), before)
        }
        // A corrupt store: every command fails with one line and leaves it as it was.
        let corrupt = "version: 1\ntokens:\n  - id: [unterminated\n"
        try write(corrupt, to: ".tokenwarden/store.yaml", in: repo)
        for args in [["scan", "."], ["store", "list"], ["store", "audit"], ["store", "remove", "gh"]] {
            let r = try run(args, in: repo, stdin: codeocean)
            XCTAssertEqual(r.status, 2, "\(args)")
            XCTAssertTrue(r.stderr.contains("store.yaml"), r.stderr)
            XCTAssertEqual(try storeText(repo), corrupt)
        }
        try write("version: 7\ntokens: []\n", to: ".tokenwarden/store.yaml", in: repo)
        XCTAssertTrue(try run(["store", "list"], in: repo).stderr.contains("unsupported store version 7"))
    }

    func testAuditAndCheckEnv() throws {
        let repo = try makeRepository()
        XCTAssertEqual(
            try add(
                repo, zenodo,
                [
                    "--service", "zenodo", "--id", "z", "--owner", "o", "--scopes", "deposit:write",
                    "--needs", "deposit:write", "--expires", "2099-01-01", "--stored-in", "env:ZENODO_TOKEN",
                ]
            ).status, 0)
        let ok = try run(["store", "audit"], in: repo)
        XCTAssertEqual(ok.status, 0, ok.stdout + ok.stderr)
        XCTAssertEqual(
            try add(
                repo, anaconda,
                [
                    "--service", "anaconda", "--id", "a", "--owner", "o", "--scopes", "all",
                    "--expires", "never", "--stored-in", "env:CONDA_TOKEN",
                ]
            ).status, 0)
        let bad = try run(["store", "audit", "--format", "json"], in: repo)
        XCTAssertEqual(bad.status, 1)
        let tokens = try XCTUnwrap(JSONDecoder().decode([String: [StoreReport.TokenJSON]].self, from: Data(bad.stdout.utf8))["tokens"])
        let a = try XCTUnwrap(tokens.first { $0.id == "a" })
        XCTAssertEqual(a.compliant, false)
        XCTAssertEqual(a.excessScopes, ["all"])
        XCTAssertEqual(a.expiry?.rawValue, "never")

        let env = try run(
            ["store", "check-env"], in: repo,
            environment: [
                "ZENODO_TOKEN": zenodo, "STRAY_TOKEN": "export X=\(github)", "UNRELATED": "hello",
            ])
        XCTAssertEqual(env.status, 1, "a stray unknown token fails the check")
        XCTAssertTrue(env.stdout.contains("ZENODO_TOKEN\tregistered"), env.stdout)
        XCTAssertTrue(env.stdout.contains("CONDA_TOKEN\tunset"), env.stdout)
        XCTAssertTrue(env.stdout.contains("STRAY_TOKEN\tunknown"), env.stdout)
        XCTAssertFalse(env.stdout.contains("UNRELATED"))
        XCTAssertFalse(env.stdout.contains(github))
        let stale = try run(
            ["store", "check-env"], in: repo, environment: ["ZENODO_TOKEN": "Xm7Tz2Lw9Xc4Vb8Nn1Pk6Rj3Hs5Gd0Fa2Ye7Uo4Ii9Wq1Er6Ty3Ui8Op5As0"])
        XCTAssertTrue(stale.stdout.contains("ZENODO_TOKEN\tstale"), stale.stdout)
        XCTAssertEqual(stale.status, 1)
    }
}
