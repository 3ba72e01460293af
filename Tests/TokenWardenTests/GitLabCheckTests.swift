import XCTest

@testable import TokenWarden

/// The GitLab check: the token's self endpoint (scopes, expiry), job tokens, and a
/// self-managed instance named next to the token.
final class GitLabCheckTests: XCTestCase {
    let pat = "glpat-Hk3Rz8bXc2Vn5Qw1Tp9L"

    func testAnAccessTokenReadsItselfWithPrivateTokenOnGitLabCom() throws {
        let request = try XCTUnwrap(CheckFixture.request(CheckFixture.subject("gitlab-pat", pat)))
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.url.absoluteString, "https://gitlab.com/api/v4/personal_access_tokens/self")
        XCTAssertEqual(request.headers.map(\.name), ["PRIVATE-TOKEN"])
        XCTAssertEqual(CheckFixture.header("PRIVATE-TOKEN", request), pat)
    }

    func testTheSelfEndpointGivesScopesExpiryAndOwner() {
        let subject = CheckFixture.subject("gitlab-pat", pat)
        let body = """
            {"id": 4, "name": "ci-deploy", "revoked": false, "created_at": "2025-01-20T14:13:35Z", "scopes": ["api", "read_repository"],
             "user_id": 3, "last_used_at": null, "active": true, "expires_at": "2026-03-01"}
            """
        let outcome = CheckFixture.interpret(CheckFixture.response(200, body), subject)
        XCTAssertEqual(outcome.status, .valid)
        XCTAssertEqual(
            outcome.facts,
            LiveFacts(identity: "token ci-deploy, user 3", scopes: ["api", "read_repository"], expires: Day(parsing: "2026-03-01")))
        let noExpiry = CheckFixture.interpret(
            CheckFixture.response(200, #"{"scopes": ["read_api"], "active": true, "expires_at": null}"#), subject)
        XCTAssertEqual(noExpiry.facts?.scopes, ["read_api"])
        XCTAssertNil(noExpiry.facts?.expires)
        XCTAssertEqual(noExpiry.facts?.neverExpires, true)
        XCTAssertEqual(outcome.facts?.neverExpires, false)
        XCTAssertEqual(CheckFixture.interpret(CheckFixture.response(200, #"{"active": false, "revoked": true}"#), subject).status, .invalid)
        XCTAssertEqual(CheckFixture.interpret(CheckFixture.response(401, #"{"message":"401 Unauthorized"}"#), subject).status, .invalid)
        XCTAssertEqual(CheckFixture.interpret(CheckFixture.response(429, ""), subject).reason, "rate limited (HTTP 429)")
    }

    func testASelfManagedInstanceNextToTheTokenGetsItAndGitLabComDoesNot() throws {
        let subject = CheckFixture.subject(
            "gitlab-pat", pat, context: "CI_SERVER_URL=https://gitlab.example.org:8443/group\nTOKEN=\(pat)\n")
        let hosts = GitLabCheck().hosts(for: subject)
        XCTAssertEqual(hosts, [ServiceHost(base: URL(string: "https://gitlab.example.org:8443")!, origin: .context)])
        XCTAssertEqual(
            CheckFixture.request(subject)?.url.absoluteString, "https://gitlab.example.org:8443/api/v4/personal_access_tokens/self")
        // Only https instances are taken from the text.
        let plain = CheckFixture.subject("gitlab-pat", pat, context: "GITLAB_URL=http://gitlab.example.org\n\(pat)")
        XCTAssertEqual(GitLabCheck().hosts(for: plain).map(\.origin), [.fixed])
    }

    func testJobTokensAreCheckedAndRunnerTokensAreNot() throws {
        // Runner tokens are left unchecked: their endpoint writes (a runner manager record).
        XCTAssertNil(ServiceChecks.check(forRule: "gitlab-runner-auth-token"))

        let job = CheckFixture.subject("gitlab-cicd-job-token", "glcbt-64_Zx8Yw7Vu6Ts5Rq4Po3Nm2")
        XCTAssertEqual(CheckFixture.header("JOB-TOKEN", CheckFixture.request(job)), "glcbt-64_Zx8Yw7Vu6Ts5Rq4Po3Nm2")
        XCTAssertEqual(
            CheckFixture.interpret(CheckFixture.response(200, #"{"id": 8, "user": {"username": "builder"}}"#), job).facts?.identity,
            "builder")
    }

    func testASecretWithAControlCharacterIsNeverPutInAHeader() {
        XCTAssertNil(CheckFixture.request(CheckFixture.subject("gitlab-pat", "glpat-abc\r\nX-Evil: 1")))
    }
}
