import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// Live scopes judged with the store's policy, and drift between declared and live scopes.
final class LiveScopeAuditTests: XCTestCase {
    func testUnregisteredTokenIsOverScopedOnlyByForbiddenScopes() {
        let audit = Policy().auditLive(service: "github", scopes: ["repo", "read:org", "admin:org"])
        XCTAssertEqual(audit.excessScopes, ["repo", "admin:org"])
        XCTAssertEqual(audit.forbiddenScopes, ["admin:org", "repo"])
        XCTAssertTrue(audit.overScoped)
        XCTAssertFalse(Policy().auditLive(service: "github", scopes: ["read:org"]).overScoped)
    }

    func testRegisteredNeedsJustifyLiveScopes() {
        let audit = Policy().auditLive(service: "github", scopes: ["repo", "read:org"], needs: ["repo"])
        XCTAssertEqual(audit.excessScopes, ["read:org"])
        XCTAssertEqual(audit.forbiddenScopes, [])
    }

    func testFullAccessWhenUnscopedApplies() {
        let audit = Policy().auditLive(service: "pydio-cells", scopes: [])
        XCTAssertTrue(audit.fullAccess)
        XCTAssertTrue(audit.overScoped)
        XCTAssertFalse(Policy().auditLive(service: "zenodo", scopes: []).overScoped)
    }

    func testTheConfiguredPolicyIsUsed() {
        var policy = Policy()
        policy.forbiddenScopes["huggingface"] = []
        XCTAssertEqual(policy.auditLive(service: "huggingface", scopes: ["write"]).excessScopes, [])
        XCTAssertEqual(Policy().auditLive(service: "huggingface", scopes: ["write"]).excessScopes, ["write"])
        XCTAssertEqual(Policy().auditLive(service: "gitlab", scopes: ["read_api", "api"]).excessScopes, ["api"])
    }

    func testStoreAuditAndLiveAuditAgree() {
        // The store's verdict on declared scopes is the shared scope audit's.
        let fp = StoredFingerprint(algorithm: .sha256, hex: String(repeating: "ab", count: 32))
        let token = StoredToken(
            id: "t", service: "zenodo", fingerprint: fp, length: 40, charset: .alnum, owner: "o",
            scopes: ["deposit:write", "deposit:actions", "user:email"], needs: ["deposit:write"], created: Day(parsing: "2026-06-01")!,
            expires: nil)
        let stored = Policy().audit(token, today: Day(parsing: "2026-11-25")!)
        let live = Policy().auditLive(service: "zenodo", scopes: token.scopes, needs: token.needs)
        XCTAssertEqual(stored.excessScopes, live.excessScopes)
        XCTAssertEqual(stored.excessScopes, ["deposit:actions", "user:email"])
        XCTAssertEqual(stored.violations.filter { $0.kind == .forbiddenScope }.count, live.forbiddenScopes.count)
    }

    func testVerdictIsJudgedOnlyWhenValidWithScopes() {
        var valid = LiveVerdict(status: .valid, reason: "HTTP 200", facts: LiveFacts(identity: "octocat", scopes: ["repo", "gist"]))
        valid.judgeScopes(service: "github", policy: Policy())
        XCTAssertEqual(valid.overScoped, true)
        XCTAssertEqual(valid.excessScopes, ["repo"])

        var noScopes = LiveVerdict(status: .valid, reason: "HTTP 200", facts: LiveFacts(identity: "octocat"))
        noScopes.judgeScopes(service: "github", policy: Policy())
        XCTAssertNil(noScopes.overScoped)
        XCTAssertNil(noScopes.excessScopes)

        var invalid = LiveVerdict(status: .invalid, reason: "HTTP 401", facts: LiveFacts(scopes: ["repo"]), overScoped: true)
        invalid.judgeScopes(service: "github", policy: Policy())
        XCTAssertNil(invalid.overScoped)
    }

    func testScopeDrift() {
        let drift = ScopeDrift(declared: ["read:packages", "gist"], live: ["read:packages", "repo", "repo"])
        XCTAssertEqual(drift.added, ["repo"])
        XCTAssertEqual(drift.removed, ["gist"])
        XCTAssertFalse(drift.isEmpty)
        XCTAssertTrue(ScopeDrift(declared: ["a", "b"], live: ["b", "a"]).isEmpty)
    }
}
