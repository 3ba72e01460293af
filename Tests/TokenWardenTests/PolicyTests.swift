import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// Policy verdicts for each seed service's risky habits, and the store's strict parsing.
final class PolicyTests: XCTestCase {
    let today = Day(parsing: "2026-11-25")!
    let fp = StoredFingerprint(algorithm: .sha256, hex: String(repeating: "ab", count: 32))

    private func token(
        _ service: String, scopes: [String], needs: [String]? = nil, created: String = "2026-06-01",
        expires: String? = "2027-06-01", refresh: StoredToken.Refresh? = nil
    ) -> StoredToken {
        StoredToken(
            id: "t", service: service, fingerprint: fp, length: 40, charset: .alnum, owner: "team",
            scopes: scopes, needs: needs, created: Day(parsing: created)!, expires: expires.flatMap(Day.init(parsing:)), refresh: refresh)
    }

    private func kinds(_ t: StoredToken, policy: Policy = Policy()) -> [Violation.Kind] {
        policy.audit(t, today: today).violations.map(\.kind)
    }

    func testGitHubBroadScopesAreOverScoped() {
        let audit = Policy().audit(token("github", scopes: ["repo", "admin:org", "read:packages"], needs: ["read:packages"]), today: today)
        XCTAssertEqual(audit.excessScopes, ["repo", "admin:org"])
        XCTAssertTrue(audit.overScoped)
        XCTAssertEqual(Set(audit.violations.map(\.kind)), [.overScoped, .forbiddenScope])
        XCTAssertTrue(audit.failing)
        // Without declared needs, forbidden scopes are still flagged.
        XCTAssertEqual(Policy().audit(token("github", scopes: ["delete_repo", "read:org"]), today: today).excessScopes, ["delete_repo"])
        // A need justifies the scope.
        XCTAssertEqual(kinds(token("github", scopes: ["workflow"], needs: ["workflow"])), [])
    }

    func testZenodoPublishingScope() {
        let audit = Policy().audit(token("zenodo", scopes: ["deposit:write", "deposit:actions"], needs: ["deposit:write"]), today: today)
        XCTAssertEqual(audit.excessScopes, ["deposit:actions"])
        XCTAssertEqual(kinds(token("zenodo-sandbox", scopes: ["deposit:actions"])), [.overScoped, .forbiddenScope])
        XCTAssertEqual(kinds(token("zenodo", scopes: ["deposit:write"], needs: ["deposit:write"])), [])
    }

    func testAnacondaAllScope() {
        XCTAssertEqual(kinds(token("anaconda", scopes: ["all"], needs: ["conda:download"])), [.overScoped, .forbiddenScope])
        XCTAssertEqual(kinds(token("anaconda", scopes: ["conda:download"], needs: ["conda:download"])), [])
    }

    func testCodeOceanWriteWhereReadIsNeeded() {
        let audit = Policy().audit(token("codeocean", scopes: ["capsules:read", "capsules:write"], needs: ["capsules:read"]), today: today)
        XCTAssertEqual(audit.excessScopes, ["capsules:write"])
    }

    func testPydioCellsFullAccessAndAutoRefresh() {
        XCTAssertEqual(kinds(token("pydio-cells", scopes: [], expires: nil, refresh: .auto)), [.fullAccess, .autoRefresh, .noExpiry])
        XCTAssertEqual(kinds(token("pydio-cells", scopes: ["node:1b2c:r"], expires: "2027-01-01", refresh: .hard)), [])
    }

    func testB2ShareTokensNeverExpire() {
        XCTAssertEqual(kinds(token("b2share", scopes: [], expires: nil)), [.noExpiry])
        var lenient = Policy()
        lenient.requireExpiry = false
        XCTAssertEqual(kinds(token("b2share", scopes: [], expires: nil), policy: lenient), [])
    }

    func testExpiryVerdicts() {
        XCTAssertEqual(Policy().audit(token("github", scopes: [], expires: "2026-11-25"), today: today).expiry, .expired)
        let soon = Policy().audit(token("github", scopes: [], expires: "2026-12-01"), today: today)
        XCTAssertEqual(soon.expiry, .expiringSoon)
        XCTAssertFalse(soon.failing, "expiring soon is a warning")
        XCTAssertEqual(Policy().audit(token("github", scopes: [], expires: "2027-06-01"), today: today).expiry, .valid)
        XCTAssertEqual(Policy().audit(token("github", scopes: [], expires: nil), today: today).expiry, .never)
        XCTAssertEqual(kinds(token("github", scopes: [], created: "2025-01-01")), [.tooOld])
    }

    func testScopePatterns() {
        XCTAssertTrue(Policy.matches("admin:org", "admin:*"))
        XCTAssertTrue(Policy.matches("capsules:write", "*:write"))
        XCTAssertFalse(Policy.matches("read:org", "admin:*"))
        XCTAssertFalse(Policy.matches("repository", "repo"))
    }

    func testDayArithmetic() {
        let d = Day(parsing: "2024-02-28")!
        XCTAssertEqual(d.adding(days: 1).description, "2024-02-29")
        XCTAssertEqual(d.adding(days: 2).description, "2024-03-01")
        XCTAssertEqual(Day(parsing: "2027-01-01")!.ordinal - Day(parsing: "2026-01-01")!.ordinal, 365)
        XCTAssertNil(Day(parsing: "2026-02-30"))
        XCTAssertNil(Day(parsing: "tomorrow"))
    }

    func testStoreRoundTripsAndRejectsCorruption() throws {
        var store = TokenStore()
        store.tokens = [token("zenodo", scopes: ["deposit:write"], needs: ["deposit:write"])]
        store.tokens[0].storedIn = ["env:ZENODO_TOKEN", "file:~/.zenodorc"]
        let parsed = try TokenStore.parse(try store.yaml(), origin: "s.yaml")
        XCTAssertEqual(parsed, store)

        let cases: [(String, String)] = [
            ("version: 2\ntokens: []\n", "unsupported store version 2"),
            ("tokens: []\n", "missing 'version'"),
            ("version: 1\ntokens: [\n", "malformed YAML"),
            (
                "version: 1\ntokens:\n  - {id: a, service: s, fingerprint: 'md5:x', length: 3, created: 2026-01-01, expires: never}\n",
                "fingerprint must be"
            ),
            (
                "version: 1\ntokens:\n  - {id: a, service: s, fingerprint: 'sha256:\(fp.hex)', length: 3, created: 2026-13-01, expires: never}\n",
                "'created' must be a date"
            ),
            (
                "version: 1\ntokens:\n  - {id: a, service: s, fingerprint: 'sha256:\(fp.hex)', length: 3, created: 2026-01-01, expires: soon}\n",
                "'expires' must be a date"
            ),
            (
                "version: 1\ntokens:\n  - {id: a, service: s, fingerprint: 'sha256:\(fp.hex)', length: 3, created: 2026-01-01, expires: never}\n  - {id: a, service: s, fingerprint: 'sha256:\(fp.hex)', length: 3, created: 2026-01-01, expires: never}\n",
                "duplicate token id 'a'"
            ),
            ("version: 1\npolicy: {max_age: 3}\n", "unknown key 'max_age'"),
        ]
        for (yaml, expected) in cases {
            XCTAssertThrowsError(try TokenStore.parse(yaml, origin: "s.yaml")) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(expected) not in \(error)")
            }
        }
    }

    func testHMACFingerprintsNeedTheKey() throws {
        let secret = Array("cop_Q8w7e6R5t4Y3u2I1o9P0a8S7d6F5g4H3j2K1".utf8)
        let key = Array("pipeline-key".utf8)
        let fingerprint = try XCTUnwrap(StoredFingerprint.of(secret, algorithm: .hmacSHA256, key: key))
        XCTAssertNotEqual(fingerprint.hex, Fingerprint.sha256Hex(secret))
        var t = token("codeocean", scopes: [])
        t.fingerprint = fingerprint
        let store = TokenStore(tokens: [t])
        XCTAssertThrowsError(try StoreIndex(store, key: nil))
        XCTAssertEqual(try StoreIndex(store, key: key).identify(secret), "t")
        XCTAssertNil(try StoreIndex(store, key: Array("wrong".utf8)).identify(secret))
    }

    func testStoreDrivenDetectionFindsACustomFormat() throws {
        // A format no rule knows: found because its length and charset match a registered token.
        let secret = "QZX9-internal-7f3a1c9e2b4d6f80a1c3e5"
        var t = token("internal", scopes: [])
        t.fingerprint = StoredFingerprint(algorithm: .sha256, hex: Fingerprint.sha256Hex(Array(secret.utf8)))
        t.length = secret.utf8.count
        t.charset = try XCTUnwrap(TokenCharset.of(Array(secret.utf8)))
        let index = try StoreIndex(TokenStore(tokens: [t]), key: nil)
        let matcher = Matcher(ruleSet: TestSupport.builtInRuleSet, options: MatchOptions(store: index))
        let text = "config:\n  internal_key: \(secret)\n  other: QZX9-internal-000000000000000000000\n"
        var findings = FindingBuilder(ruleSet: TestSupport.builtInRuleSet)
            .scan(Blob(bytes: Array(text.utf8), provenance: Provenance(path: "c.yaml")), with: matcher)
        var result = ScanResult()
        result.findings = findings
        Enrichment(store: TokenStore(tokens: [t]), index: index, rules: TestSupport.builtInRules).apply(to: &result)
        findings = result.findings
        XCTAssertEqual(findings.map(\.rule), ["registered-token"])
        XCTAssertEqual(findings.first?.tokenID, "t")
        XCTAssertEqual(findings.first?.service, "internal")
        XCTAssertEqual(findings.first?.line, 2)
    }
}
