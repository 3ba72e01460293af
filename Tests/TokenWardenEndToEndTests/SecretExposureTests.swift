import Crypto
import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// Reports, baselines and messages never give a secret away: no fingerprint that a guess can be
/// tested against, no more than a few characters shown, no example secret printed.
final class SecretExposureTests: CLITestCase {
    let token = "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"
    /// Twelve characters: brute-forced in seconds from a plain SHA-256.
    let password = "Tr0ub4dor9xQ"
    let keyA = "key-a-0123456789abcdef"
    let keyB = "key-b-0123456789abcdef"

    private func sha256(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    private func repository() throws -> URL {
        let repo = try makeRepository()
        try write("DATABASE_URL=postgres://app:\(password)@db.internal.example/app\nGITHUB_TOKEN=\(token)\n", to: "app.env", in: repo)
        return repo
    }

    private func fingerprints(_ repo: URL, _ environment: [String: String] = [:], _ extra: [String] = []) throws -> [String: String] {
        let r = try run(["scan", "--format", "json"] + extra, in: repo, environment: environment)
        XCTAssertEqual(r.status, 1, r.stderr)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(doc["findings"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: findings.map { ($0["rule"] as! String, $0["fingerprint"] as! String) })
    }

    func testReportsAndBaselinesOfATwelveCharacterPasswordHoldNoSHA256OfIt() throws {
        let repo = try repository()
        let digest = sha256(password)
        for environment in [[:], ["TOKENWARDEN_FINGERPRINT_KEY": keyA]] {
            for format in ["json", "jsonl", "sarif", "gitlab", "junit", "text"] {
                let r = try run(["scan", "--format", format], in: repo, environment: environment)
                XCTAssertEqual(r.status, 1, r.stderr)
                XCTAssertTrue(r.stdout.contains("postgres-connection-url"), "\(format): \(r.stdout)")
                XCTAssertFalse(
                    r.stdout.lowercased().contains(digest), "\(format) report with \(environment) publishes SHA-256 of the password")
                XCTAssertFalse(r.stdout.contains(password), format)
            }
            try run(["baseline", "create", "-o", "baseline.yaml"], in: repo, environment: environment)
            let baseline = try String(contentsOf: repo.appendingPathComponent("baseline.yaml"), encoding: .utf8)
            XCTAssertTrue(baseline.contains("postgres-connection-url"), baseline)
            XCTAssertFalse(baseline.contains(digest), baseline)
        }
        // Without a key the password's fingerprint is made from its context; the strong token keeps its SHA-256.
        let r = try run(["scan", "--format", "jsonl"], in: repo)
        XCTAssertTrue(r.stdout.contains("\"fingerprint\":\"\(sha256(token))\",\"fingerprint_kind\":\"sha256\""), r.stdout)
        XCTAssertTrue(r.stdout.contains("\"fingerprint_kind\":\"context\""), r.stdout)
    }

    func testKeyedFingerprintsAreStableAndDependOnTheKey() throws {
        let repo = try repository()
        let first = try fingerprints(repo, ["TOKENWARDEN_FINGERPRINT_KEY": keyA])
        XCTAssertEqual(first.count, 2)
        XCTAssertEqual(try fingerprints(repo, ["TOKENWARDEN_FINGERPRINT_KEY": keyA]), first)
        let other = try fingerprints(repo, ["TOKENWARDEN_FINGERPRINT_KEY": keyB])
        for (rule, fingerprint) in first { XCTAssertNotEqual(other[rule], fingerprint, rule) }
        XCTAssertNotEqual(first["github-pat-classic"], sha256(token))
        // The key file (a trailing newline is not part of the key) gives the same fingerprints as the variable.
        try write(keyA + "\n", to: "key", in: repo)
        XCTAssertEqual(try fingerprints(repo, [:], ["--fingerprint-key-file", repo.appendingPathComponent("key").path]), first)
    }

    func testBaselineWrittenWithAKeyMatchesOnlyScansWithThatKey() throws {
        let repo = try repository()
        let withA = ["TOKENWARDEN_FINGERPRINT_KEY": keyA]
        XCTAssertEqual(try run(["baseline", "create", "-o", "keyed.yaml"], in: repo, environment: withA).status, 0)
        let same = try run(["scan", "--baseline", "keyed.yaml"], in: repo, environment: withA)
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)
        XCTAssertFalse(same.stderr.contains("note:"), same.stderr)
        for environment in [[:], ["TOKENWARDEN_FINGERPRINT_KEY": keyB]] {
            let r = try run(["scan", "--baseline", "keyed.yaml"], in: repo, environment: environment)
            XCTAssertEqual(r.status, 1, "the findings come back, loudly")
            XCTAssertTrue(r.stderr.contains("note: the baseline was written with fingerprint key"), r.stderr)
        }
        // An unkeyed baseline keeps working without a key, context fingerprints included.
        XCTAssertEqual(try run(["baseline", "create", "-o", "plain.yaml"], in: repo).status, 0)
        XCTAssertEqual(try run(["scan", "--baseline", "plain.yaml"], in: repo).status, 0)
        let keyed = try run(["scan", "--baseline", "plain.yaml"], in: repo, environment: withA)
        XCTAssertTrue(keyed.stderr.contains("written without a fingerprint key"), keyed.stderr)
    }

    func testAShortFingerprintKeyIsRefused() throws {
        let repo = try repository()
        let r = try run(["scan"], in: repo, environment: ["TOKENWARDEN_FINGERPRINT_KEY": "short"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("at least 16 bytes"), r.stderr)
    }

    func testTextReportShowsOnlyThePublicPrefixAndAFewCharacters() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        // A catch-all secret the old redaction showed 12 of 16 characters of ("ZkfQpLm_…9x2Q").
        try write(
            "SECRET_KEY = \"ZkfQpLm_Xw3R9x2Q\"\nAWS_ACCESS_KEY_ID=AKIAQ3EGRTZPLWXNB7KD\nGITHUB_TOKEN=\(token)\n", to: "conf.py", in: dir)
        let r = try run(["scan", "conf.py"], in: dir)
        XCTAssertTrue(r.stdout.contains("(generic)"), r.stdout)
        XCTAssertTrue(r.stdout.contains(" …2Q "), r.stdout)
        XCTAssertFalse(r.stdout.contains("ZkfQ"), r.stdout)
        XCTAssertTrue(r.stdout.contains(" AKIA…KD "), r.stdout)
        XCTAssertTrue(r.stdout.contains(" ghp_…YhBa "), r.stdout)
    }

    func testRedactionRevealsAtMostAFewCharactersAtEveryLength() {
        let alphabet = Array("Zk3fQ9pL2mXw7Rt4Yb6Nc8Vd1Hs5Gj0Ka".utf8)
        for prefix in [0, 4, 8] {
            for length in prefix...300 {
                let secret = (0..<length).map { alphabet[$0 % alphabet.count] }
                let shown = Redaction.redact(secret, publicPrefix: prefix)
                let head = String(decoding: secret[..<prefix], as: UTF8.self)
                XCTAssertTrue(shown.hasPrefix(head))
                let rest = shown.dropFirst(head.count)
                let hidden = length - prefix
                if hidden < 16 {
                    XCTAssertEqual(String(rest), Redaction.mask, "length \(length): short secrets are masked, length not shown")
                } else {
                    XCTAssertTrue(rest.hasPrefix("…"))
                    let revealed = rest.count - 1
                    XCTAssertLessThanOrEqual(revealed, 4, "length \(length)")
                    XCTAssertLessThanOrEqual(revealed * 4, hidden, "length \(length): more than a quarter")
                    XCTAssertEqual(String(rest.dropFirst()), String(decoding: secret.suffix(revealed), as: UTF8.self))
                }
            }
        }
    }

    func testPublicPrefixComesFromTheRuleData() throws {
        let rules = TestSupport.builtInRuleSet.rules
        func prefix(_ id: String, _ secret: String) throws -> String {
            let rule = try XCTUnwrap(rules.first { $0.id == id }, id)
            return String(secret.prefix(PublicPrefix(rule: rule).length(in: Array(secret.utf8))))
        }
        XCTAssertEqual(try prefix("github-pat-classic", token), "ghp_")
        XCTAssertEqual(try prefix("aws-access-key-id", "AKIAQ3EGRTZPLWXNB7KD"), "AKIA")
        XCTAssertEqual(PublicPrefix.literalStart(ofSecretIn: #"\b(?<secret>sk_live_[0-9a-zA-Z]{24,99})"#), Array("sk_live_".utf8))
        XCTAssertEqual(PublicPrefix.literalStart(ofSecretIn: #"(?<secret>amzn\.mws\.[0-9a-f]{8})"#), Array("amzn.mws.".utf8))
        XCTAssertEqual(PublicPrefix.literalStart(ofSecretIn: #"(?<secret>abc?d)"#), Array("ab".utf8), "a quantified letter is not fixed")
        XCTAssertEqual(PublicPrefix.literalStart(ofSecretIn: #"(?<secret>abc|xyz)"#), [])
        let generic = try XCTUnwrap(rules.first { $0.generic })
        XCTAssertEqual(PublicPrefix(rule: generic).length(in: Array("secret_abcdefghijklmnop".utf8)), 0)
    }

    func testRulesCheckNeverPrintsAnExampleSecret() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        let missed = "acme_q8Wm3Zr7Tx2Vb9Nk4Lp6"
        let caught = "acme_Q8wM3zR7tX2vB9nK4lP6dF1sGh5J"
        try write(
            """
            rules:
              - id: acme-key
                service: acme
                keywords: [acme_]
                regex: '\\b(?<secret>acme_[A-Za-z0-9]{28})\\b'
                examples:
                  - {text: 'ACME_KEY=\(missed)', secret: '\(missed)'}
                  - 'ACME_KEY=\(missed)'
                negative_examples: ['ACME_KEY=\(caught)']
            """, to: "acme.yaml", in: dir)
        let r = try run(["rules", "check", dir.path])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("example not reported: #1 (secret acme_…p6)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("example not reported: #2"), r.stderr)
        XCTAssertTrue(r.stderr.contains("negative example reported: #1 (secret acme_…h5J)"), r.stderr)
        for secret in [missed, caught] {
            XCTAssertFalse(r.stderr.contains(secret.dropFirst(5).prefix(6)), "\(secret) appears in: \(r.stderr)")
        }
    }
}
