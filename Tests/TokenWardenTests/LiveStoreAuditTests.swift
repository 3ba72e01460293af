import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// `store audit --live` as a library: which tokens are sent, with what, and what the comparison of
/// the service's answer with the store concludes. A test check answers from literal responses.
final class LiveStoreAuditTests: XCTestCase {
    let github = "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"
    let other = "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"

    /// A GitHub-like check: `X-OAuth-Scopes` and a login on 200, invalid on 401.
    struct TestCheck: ServiceCheck {
        var service = "github"
        var rules: Set<String> = ["github-pat-classic", "github-oauth"]
        func hosts(for subject: VerificationSubject) -> [ServiceHost] {
            [ServiceHost(base: URL(string: "https://api.github.com")!, origin: .fixed)]
        }
        func request(for subject: VerificationSubject, on host: ServiceHost, now: Date) -> HTTPRequest? {
            HTTPRequest(
                url: host.base.appendingPathComponent("user"),
                headers: [("Authorization", "token \(String(decoding: subject.secret, as: UTF8.self))")])
        }
        func interpret(_ response: HTTPResponse, for subject: VerificationSubject) -> VerificationOutcome {
            switch response.status {
            case 200:
                let scopes = response.headers["x-oauth-scopes"].map {
                    $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                }
                return VerificationOutcome(.valid, "HTTP 200", facts: LiveFacts(identity: "octocat", scopes: scopes))
            case 401: return VerificationOutcome(.invalid, "HTTP 401")
            default: return VerificationOutcome(.error, "HTTP \(response.status)")
            }
        }
    }

    /// `TestCheck`'s hosts and request, answering valid with fixed facts whatever comes back.
    struct Answering: ServiceCheck {
        var facts: LiveFacts
        let base = TestCheck()
        var service: String { base.service }
        var rules: Set<String> { base.rules }
        func hosts(for s: VerificationSubject) -> [ServiceHost] { base.hosts(for: s) }
        func request(for s: VerificationSubject, on h: ServiceHost, now: Date) -> HTTPRequest? { base.request(for: s, on: h, now: now) }
        func interpret(_ r: HTTPResponse, for s: VerificationSubject) -> VerificationOutcome {
            VerificationOutcome(.valid, "HTTP 200", facts: facts)
        }
    }

    /// Records what it is asked to send and answers with one response.
    final class RecordingVerifier: @unchecked Sendable {
        let response: HTTPResponse
        let lock = NSLock()
        var sent: [(rule: String, secret: String, request: HTTPRequest)] = []
        init(_ response: HTTPResponse) { self.response = response }

        var verifying: LiveStoreAudit.Verifying {
            LiveStoreAudit.Verifying(
                choose: { subject, check in .success(check.hosts(for: subject)[0]) },
                send: { sends in
                    sends.map { s in
                        let request = s.check.request(for: s.subject, on: s.host, now: Date())!
                        self.lock.withLock {
                            self.sent.append((s.subject.rule, String(decoding: s.subject.secret, as: UTF8.self), request))
                        }
                        let outcome = s.check.interpret(self.response, for: s.subject)
                        return LiveVerdict(status: outcome.status, reason: outcome.reason, host: s.host.base.host, facts: outcome.facts)
                    }
                })
        }
    }

    private func store(
        scopes: [String] = ["read:packages", "gist"], needs: [String]? = ["read:packages", "gist"], storedIn: [String] = ["env:GH_TOKEN"],
        expires: String? = "2099-01-01"
    ) -> TokenStore {
        TokenStore(tokens: [
            StoredToken(
                id: "gh-ci", service: "github", fingerprint: TokenStore.fingerprint(of: Array(github.utf8), key: nil), length: github.count,
                charset: .alnum, owner: "ci", scopes: scopes, needs: needs, created: .today, expires: expires.flatMap(Day.init(parsing:)),
                storedIn: storedIn)
        ])
    }

    private func audit(
        _ store: TokenStore, env: [String: String], verifier: RecordingVerifier, checks: ((String) -> (any ServiceCheck)?)? = nil
    ) throws -> LiveStoreAudit.Entry {
        let entries = try LiveStoreAudit.run(
            store: store, environment: env, key: nil, rules: TestSupport.builtInRuleSet,
            checks: checks ?? { $0 == "github" ? TestCheck() : nil }, verifying: verifier.verifying)
        XCTAssertEqual(entries.count, 1)
        return entries[0]
    }

    func testMatchingTokenIsSentOnceAndAgrees() throws {
        let verifier = RecordingVerifier(HTTPResponse(status: 200, headers: ["x-oauth-scopes": "read:packages, gist"]))
        let e = try audit(store(), env: ["GH_TOKEN": github], verifier: verifier)
        XCTAssertEqual(verifier.sent.count, 1)
        XCTAssertEqual(verifier.sent.first?.secret, github)
        XCTAssertEqual(verifier.sent.first?.rule, "github-pat-classic")
        XCTAssertEqual(e.raw, .environment("GH_TOKEN"))
        XCTAssertEqual(e.verdict?.status, .valid)
        XCTAssertEqual(e.drift, ScopeDrift(declared: ["read:packages", "gist"], live: ["read:packages", "gist"]))
        XCTAssertEqual(e.problems, [])
        XCTAssertFalse(e.failing)
    }

    func testLiveScopesBeyondTheStoreAreDriftAndOverScope() throws {
        let verifier = RecordingVerifier(HTTPResponse(status: 200, headers: ["x-oauth-scopes": "read:packages, repo"]))
        let e = try audit(store(), env: ["GH_TOKEN": github], verifier: verifier)
        XCTAssertEqual(e.drift?.added, ["repo"])
        XCTAssertEqual(e.drift?.removed, ["gist"])
        XCTAssertEqual(Set(e.problems.map(\.kind)), [.scopesAdded, .scopesRemoved, .overScoped])
        XCTAssertEqual(e.verdict?.excessScopes, ["repo"])
        XCTAssertTrue(e.failing)
        XCTAssertFalse(e.erred)
    }

    func testRejectedTokenIsRevokedStillRegistered() throws {
        let e = try audit(store(), env: ["GH_TOKEN": github], verifier: RecordingVerifier(HTTPResponse(status: 401)))
        XCTAssertEqual(e.problems.map(\.kind), [.revoked])
        XCTAssertTrue(e.failing)
    }

    func testErrorMakesTheAuditIncompleteNotFailing() throws {
        let e = try audit(store(), env: ["GH_TOKEN": github], verifier: RecordingVerifier(HTTPResponse(status: 503)))
        XCTAssertEqual(e.problems.map(\.kind), [.error])
        XCTAssertTrue(e.erred)
        XCTAssertFalse(e.failing)
    }

    func testExpiryMismatch() throws {
        let verifier = RecordingVerifier(HTTPResponse(status: 200))
        let e = try audit(
            store(expires: nil), env: ["GH_TOKEN": github], verifier: verifier,
            checks: { _ in Answering(facts: LiveFacts(expires: Day(parsing: "2027-03-01"))) })
        XCTAssertEqual(e.problems.map(\.kind), [.expiryMismatch])
        XCTAssertEqual(e.problems.first?.message, "expires 2027-03-01 at the service, never in the store")
    }

    func testATokenTheServiceSaysNeverExpiresIsAMismatchWithAStoredEndDate() throws {
        let verifier = RecordingVerifier(HTTPResponse(status: 200))
        let dated = try audit(
            store(expires: "2027-01-31"), env: ["GH_TOKEN": github], verifier: verifier,
            checks: { _ in Answering(facts: LiveFacts(neverExpires: true)) })
        XCTAssertEqual(dated.problems.map(\.kind), [.expiryMismatch])
        XCTAssertEqual(dated.problems.first?.message, "never expires at the service, 2027-01-31 in the store")
        let endless = try audit(
            store(expires: nil), env: ["GH_TOKEN": github], verifier: verifier,
            checks: { _ in Answering(facts: LiveFacts(neverExpires: true)) })
        XCTAssertEqual(endless.problems, [])
    }

    func testNoRawValueIsNotCheckedAndNothingIsSent() throws {
        let verifier = RecordingVerifier(HTTPResponse(status: 200))
        // Unset, holding another token (possibly another service's secret), or no env: place at all.
        for (env, storedIn, why) in [
            ([:], ["env:GH_TOKEN"], "no raw value: GH_TOKEN not set"),
            (["GH_TOKEN": other], ["env:GH_TOKEN"], "no raw value: GH_TOKEN holds another value"),
            (["GH_TOKEN": github], ["file:~/.netrc"], "no raw value: no env:NAME in stored_in"),
        ] {
            let e = try audit(store(storedIn: storedIn), env: env, verifier: verifier)
            XCTAssertEqual(e.notChecked, why)
            XCTAssertNil(e.verdict)
            XCTAssertFalse(e.failing)
        }
        XCTAssertEqual(verifier.sent.count, 0)
    }

    func testTheSecondPlaceHoldingTheTokenIsUsed() throws {
        let verifier = RecordingVerifier(HTTPResponse(status: 200, headers: ["x-oauth-scopes": "read:packages, gist"]))
        let e = try audit(store(storedIn: ["env:OLD", "env:GH_TOKEN"]), env: ["OLD": other, "GH_TOKEN": github], verifier: verifier)
        XCTAssertEqual(e.raw, .environment("GH_TOKEN"))
        XCTAssertEqual(verifier.sent.map(\.secret), [github])
    }

    func testServiceWithoutCheckOrHostIsNotChecked() throws {
        let verifier = RecordingVerifier(HTTPResponse(status: 200))
        let none = try audit(store(), env: ["GH_TOKEN": github], verifier: verifier, checks: { _ in nil })
        XCTAssertEqual(none.notChecked, "no live check for github")
        let noHost = try LiveStoreAudit.run(
            store: store(), environment: ["GH_TOKEN": github], key: nil, rules: TestSupport.builtInRuleSet, checks: { _ in TestCheck() },
            verifying: LiveStoreAudit.Verifying(
                choose: { _, _ in .failure(.init(reason: "no instance known")) }, send: verifier.verifying.send))
        XCTAssertEqual(noHost.first?.notChecked, "no instance known")
        XCTAssertEqual(verifier.sent.count, 0)
    }

    func testDryRunListsHostsAndSendsNothing() throws {
        let entries = try LiveStoreAudit.run(
            store: store(), environment: ["GH_TOKEN": github], key: nil, rules: TestSupport.builtInRuleSet, checks: { _ in TestCheck() },
            verifying: LiveStoreAudit.Verifying(choose: { s, c in .success(c.hosts(for: s)[0]) }, send: nil))
        XCTAssertEqual(entries.first?.host?.base.absoluteString, "https://api.github.com")
        XCTAssertNil(entries.first?.verdict)
        XCTAssertTrue(
            StoreReport.table([Policy().audit(entries[0].token)], verdicts: true, live: entries).contains(
                "would send to https://api.github.com"))
    }

    func testReportsNeverHoldTheToken() throws {
        let verifier = RecordingVerifier(HTTPResponse(status: 200, headers: ["x-oauth-scopes": "repo"]))
        let s = store()
        let entries = try LiveStoreAudit.run(
            store: s, environment: ["GH_TOKEN": github], key: nil, rules: TestSupport.builtInRuleSet, checks: { _ in TestCheck() },
            verifying: verifier.verifying)
        let audits = s.tokens.map { s.policy.audit($0) }
        let json = try StoreReport.json(audits, includeVerdicts: true, live: entries)
        let table = StoreReport.table(audits, verdicts: true, live: entries)
        for text in [json, table] { XCTAssertFalse(text.contains(github)) }
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: [[String: Any]]]
        let live = object["tokens"]![0]["live"] as! [String: Any]
        XCTAssertEqual(live["verification"] as? String, "valid")
        XCTAssertEqual(live["variable"] as? String, "GH_TOKEN")
        XCTAssertEqual(live["live_scopes"] as? [String], ["repo"])
        XCTAssertEqual((live["scope_drift"] as? [String: [String]])?["added"], ["repo"])
        XCTAssertEqual(object["tokens"]![0]["compliant"] as? Bool, false)
        XCTAssertTrue(table.contains("valid as octocat; live scopes not in the store: repo"), table)
    }
}

extension LiveStoreAuditTests {
    func testAKindTheCheckDoesNotCoverIsNotSent() throws {
        let refresh = "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"
        let s = TokenStore(tokens: [
            StoredToken(
                id: "gh-refresh", service: "github", fingerprint: TokenStore.fingerprint(of: Array(refresh.utf8), key: nil),
                length: refresh.count, charset: .alnum, owner: "ci", scopes: [], needs: nil, created: .today, expires: nil,
                storedIn: ["env:GH_REFRESH"])
        ])
        let verifier = RecordingVerifier(HTTPResponse(status: 200))
        let e = try audit(s, env: ["GH_REFRESH": refresh], verifier: verifier)
        XCTAssertEqual(e.notChecked, "no live check for its kind (github-refresh)")
        XCTAssertEqual(verifier.sent.count, 0)
    }
}

extension LiveStoreAuditTests {
    func testATokenWhoseChecksumFailsIsNotSent() throws {
        let typo = String(github.dropLast()) + (github.last == "a" ? "b" : "a")
        let s = TokenStore(tokens: [
            StoredToken(
                id: "gh-typo", service: "github", fingerprint: TokenStore.fingerprint(of: Array(typo.utf8), key: nil), length: typo.count,
                charset: .alnum, owner: "ci", scopes: [], needs: nil, created: .today, expires: nil, storedIn: ["env:GH"])
        ])
        let verifier = RecordingVerifier(HTTPResponse(status: 200))
        let e = try audit(s, env: ["GH": typo], verifier: verifier)
        XCTAssertEqual(e.notChecked, "not sent: github-pat-classic whose checksum fails was never issued")
        XCTAssertEqual(verifier.sent.count, 0)
    }
}
