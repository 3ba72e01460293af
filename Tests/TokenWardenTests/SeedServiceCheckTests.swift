import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// Each seed check as a value: the request it builds (host, path, where the secret goes) and what
/// the documented answers mean, on literal responses.
final class SeedServiceCheckTests: XCTestCase {
    private func subject(_ rule: String, _ secret: String, context: String = "") -> VerificationSubject {
        let check = ServiceChecks.check(forRule: rule)!
        return VerificationSubject(rule: rule, service: check.service, secret: Array(secret.utf8), context: Array(context.utf8))
    }

    private func request(_ rule: String, _ secret: String, context: String = "") throws -> HTTPRequest {
        let check = try XCTUnwrap(ServiceChecks.check(forRule: rule))
        let s = subject(rule, secret, context: context)
        let host = try XCTUnwrap(check.hosts(for: s).first)
        return try XCTUnwrap(check.request(for: s, on: host, now: Date()))
    }

    private func outcome(_ rule: String, _ status: Int, headers: [String: String] = [:], body: String = "") -> VerificationOutcome {
        let check = ServiceChecks.check(forRule: rule)!
        return check.interpret(HTTPResponse(status: status, headers: headers, body: Array(body.utf8)), for: subject(rule, "x"))
    }

    private func header(_ r: HTTPRequest, _ name: String) -> String? { r.headers.first { $0.name == name }?.value }

    func testEverySeedRuleHasOneCheckAndEveryCheckedRuleExists() {
        let ruleIDs = Set(TestSupport.builtInRules.map(\.id))
        for check in ServiceChecks.seed {
            XCTAssertTrue(check.rules.isSubset(of: ruleIDs), "\(check.service): \(check.rules.subtracting(ruleIDs))")
            for rule in check.rules { XCTAssertEqual(TestSupport.builtInRules.first { $0.id == rule }?.service, check.service, rule) }
        }
        XCTAssertNil(ServiceChecks.check(forRule: "github-refresh"), "refresh tokens are exchanged, never presented")
    }

    /// Each checked rule writes down, in its rule file, what the check sends and what the answers mean.
    func testEveryCheckedRuleDocumentsItsLiveCheck() {
        for check in ServiceChecks.all {
            for id in check.rules.sorted() {
                let rule = TestSupport.builtInRules.first { $0.id == id }
                XCTAssertNotNil(rule?.verify, "\(id) has no verify: key")
            }
        }
    }

    func testGitHubSendsABearerTokenToAPIGitHubAndReadsLoginScopesAndExpiry() throws {
        let r = try request("github-pat-classic", "ghp_abc")
        XCTAssertEqual(r.url.absoluteString, "https://api.github.com/user")
        XCTAssertEqual(header(r, "Authorization"), "Bearer ghp_abc")
        let valid = outcome(
            "github-pat-classic", 200,
            headers: ["x-oauth-scopes": "repo, read:org", "github-authentication-token-expiration": "2031-05-01 10:00:00 UTC"],
            body: #"{"login":"octocat","id":1}"#)
        XCTAssertEqual(valid.status, .valid)
        XCTAssertEqual(valid.facts, LiveFacts(identity: "octocat", scopes: ["repo", "read:org"], expires: Day(parsing: "2031-05-01")))
        // A fine-grained token sends no scope header: scopes unknown, not "none".
        XCTAssertNil(outcome("github-pat-fine-grained", 200, body: #"{"login":"octocat"}"#).facts?.scopes)
        XCTAssertEqual(outcome("github-pat-classic", 401, body: #"{"message":"Bad credentials"}"#).status, .invalid)
        XCTAssertEqual(
            outcome("github-server-to-server", 403, body: #"{"message":"Resource not accessible by integration"}"#).status, .valid)
        XCTAssertEqual(outcome("github-pat-classic", 403, headers: ["x-ratelimit-remaining": "0"]).status, .error)
        XCTAssertEqual(outcome("github-pat-classic", 403, body: #"{"message":"Forbidden"}"#).status, .unknown)
    }

    func testZenodoAndItsSandboxAreSeparateHosts() throws {
        let production = try request("zenodo-token-assignment", "tok")
        let sandbox = try request("zenodo-sandbox-token-assignment", "tok")
        XCTAssertEqual(production.url.absoluteString, "https://zenodo.org/api/deposit/depositions?size=1")
        XCTAssertEqual(sandbox.url.absoluteString, "https://sandbox.zenodo.org/api/deposit/depositions?size=1")
        XCTAssertEqual(header(production, "Authorization"), "Bearer tok")
        let valid = outcome("zenodo-token-assignment", 200, body: #"[{"owner": 4242, "id": 7}]"#)
        XCTAssertEqual(valid.status, .valid)
        XCTAssertEqual(valid.facts?.identity, "user 4242")
        XCTAssertNil(outcome("zenodo-token-assignment", 200, body: "[]").facts?.identity)
        XCTAssertEqual(outcome("zenodo-sandbox-token-assignment", 401).status, .invalid)
        XCTAssertEqual(outcome("zenodo-token-assignment", 403).status, .unknown)
    }

    func testB2SHAREUsesTheInstanceNamedNextToTheTokenAndTheAccessTokenParameter() throws {
        let check = B2SHARECheck()
        XCTAssertEqual(check.hosts(for: subject("b2share-token-assignment", "t")), [ServiceHost(base: B2SHARECheck.eudat, origin: .fixed)])
        let near = subject("b2share-token-assignment", "t", context: "B2SHARE_URL=https://b2share.fz-juelich.de/\nB2SHARE_TOKEN=t")
        XCTAssertEqual(check.hosts(for: near), [ServiceHost(base: URL(string: "https://b2share.fz-juelich.de")!, origin: .context)])
        let training = subject(
            "b2share-token-api-request", "t", context: #"curl "https://trng-b2share.eudat.eu/api/records/?access_token=t""#)
        XCTAssertEqual(check.hosts(for: training).first?.origin, .fixed)
        let r = try request("b2share-token-assignment", "a+b")
        XCTAssertEqual(r.url.absoluteString, "https://b2share.eudat.eu/api/user/?access_token=a%2Bb")
        let valid = outcome("b2share-token-assignment", 200, body: #"{"id": "u1", "email": "ana@example.org"}"#)
        XCTAssertEqual(valid.status, .valid)
        XCTAssertEqual(valid.facts?.identity, "ana@example.org")
        XCTAssertEqual(outcome("b2share-token-assignment", 200, body: "{}").status, .invalid)
        XCTAssertEqual(outcome("b2share-token-assignment", 401).status, .invalid)
    }

    func testCodeOceanHasNoFixedHostAndSendsTheTokenAsTheBasicUserName() throws {
        let check = CodeOceanCheck()
        XCTAssertEqual(check.hosts(for: subject("codeocean-token", "cop_x")), [])
        let sdk = subject(
            "codeocean-token-python-sdk", "cop_x", context: #"client = CodeOcean(domain="https://acme.codeocean.com", token="cop_x")"#)
        let host = try XCTUnwrap(check.hosts(for: sdk).first)
        XCTAssertEqual(host, ServiceHost(base: URL(string: "https://acme.codeocean.com")!, origin: .context))
        let r = try XCTUnwrap(check.request(for: sdk, on: host, now: Date()))
        XCTAssertEqual(r.method, "POST")
        XCTAssertEqual(r.url.absoluteString, "https://acme.codeocean.com/api/v1/capsules/search")
        XCTAssertEqual(header(r, "Authorization"), "Basic " + Data("cop_x:".utf8).base64EncodedString())
        XCTAssertEqual(outcome("codeocean-token", 200, body: "{}").status, .valid)
        XCTAssertEqual(outcome("codeocean-token", 401).status, .invalid)
        XCTAssertEqual(outcome("codeocean-token", 403).status, .unknown)
    }

    func testAnacondaSendsATokenHeaderAndReadsTheLogin() throws {
        let r = try request("anaconda-token-env", "an-1234")
        XCTAssertEqual(r.url.absoluteString, "https://api.anaconda.org/user")
        XCTAssertEqual(header(r, "Authorization"), "token an-1234")
        let valid = outcome("anaconda-token-env", 200, body: #"{"login": "labuser"}"#)
        XCTAssertEqual(valid.facts?.identity, "labuser")
        XCTAssertEqual(outcome("anaconda-token-env", 401).status, .invalid)
    }

    func testPydioCellsNeedsItsServerFromCECURL() throws {
        let check = PydioCellsCheck()
        XCTAssertEqual(check.hosts(for: subject("pydio-cells-token-env", "p.q")), [])
        let near = subject("pydio-cells-token-env", "p.q", context: "CEC_URL=https://cells.lab.example.org\nCEC_TOKEN=p.q")
        let host = try XCTUnwrap(check.hosts(for: near).first)
        XCTAssertEqual(host.base.absoluteString, "https://cells.lab.example.org")
        let r = try XCTUnwrap(check.request(for: near, on: host, now: Date()))
        XCTAssertEqual(r.url.absoluteString, "https://cells.lab.example.org/a/workspace")
        XCTAssertEqual(header(r, "Authorization"), "Bearer p.q")
        XCTAssertEqual(outcome("pydio-cells-token-env", 200, body: "{}").status, .valid)
        XCTAssertEqual(outcome("pydio-cells-token-env", 401).status, .invalid)
    }

    func testInstanceURLsNextToATokenAreHTTPSBasesOnly() {
        let found = CheckSupport.instances(
            in: Array("CEC_URL=http://cells.example.org\nX=https://user:pw@b2share.example.org\nY=https://b2share.example.net/api".utf8),
            names: ["CEC_URL"], hostWords: ["b2share"])
        XCTAssertEqual(found, [URL(string: "https://b2share.example.net")!])
    }
}
