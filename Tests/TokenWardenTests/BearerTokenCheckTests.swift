import XCTest

@testable import TokenWarden

/// The checks that send one token to one fixed endpoint: Stripe, OpenAI, Anthropic, Hugging Face,
/// npm, SendGrid. Each: the request (method, URL, the secret only in its documented header) and
/// each documented answer.
final class BearerTokenCheckTests: XCTestCase {
    func assertRequest(
        _ rule: String, _ secret: String, url: String, header: String, value: String, context: String? = nil,
        file: StaticString = #filePath,
        line: UInt = #line
    ) {
        let request = CheckFixture.request(CheckFixture.subject(rule, secret, context: context))
        XCTAssertEqual(request?.method, "GET", file: file, line: line)
        XCTAssertEqual(request?.url.absoluteString, url, file: file, line: line)
        XCTAssertEqual(CheckFixture.header(header, request), value, file: file, line: line)
        // The secret travels in that one header, nowhere else.
        XCTAssertEqual(request?.headers.filter { $0.value.contains(secret) }.count, 1, file: file, line: line)
        XCTAssertFalse(request?.url.absoluteString.contains(secret) ?? true, file: file, line: line)
    }

    func assertCommonAnswers(_ rule: String, _ secret: String, file: StaticString = #filePath, line: UInt = #line) {
        let subject = CheckFixture.subject(rule, secret)
        XCTAssertEqual(CheckFixture.interpret(CheckFixture.response(401, "{}"), subject).status, .invalid, file: file, line: line)
        XCTAssertEqual(CheckFixture.interpret(CheckFixture.response(429, "{}"), subject).status, .error, file: file, line: line)
        XCTAssertEqual(CheckFixture.interpret(CheckFixture.response(502, ""), subject).status, .error, file: file, line: line)
    }

    func testStripe() {
        let key = "sk_live_51HqT3kLm9Xz1Pw7Rt3Yb6Nc0Vd5Hs8JaQe2"
        assertRequest("stripe-secret-key", key, url: "https://api.stripe.com/v1/account", header: "Authorization", value: "Bearer \(key)")
        assertCommonAnswers("stripe-restricted-key", "rk_live_51HqT3kLm9Xz1Pw7Rt3Yb6Nc0Vd5Hs8JaQe2")
        let subject = CheckFixture.subject("stripe-secret-key", key)
        let valid = CheckFixture.interpret(
            CheckFixture.response(200, #"{"id": "acct_1Nv0FGQ9RKHgCVdK", "email": "ops@acme.test"}"#), subject)
        XCTAssertEqual(valid.status, .valid)
        XCTAssertEqual(valid.facts?.identity, "acct_1Nv0FGQ9RKHgCVdK, ops@acme.test")
        // Stripe documents 403 as a valid key lacking the permission: a restricted key is live.
        let restricted = CheckFixture.interpret(
            CheckFixture.response(
                403,
                #"{"error": {"message": "The provided key 'rk_live_...Qe2' does not have the required permissions for this endpoint on account 'acct_1Nv0FGQ9RKHgCVdK'.", "type": "invalid_request_error"}}"#
            ), CheckFixture.subject("stripe-restricted-key", "rk_live_51HqT3kLm9Xz1Pw7Rt3Yb6Nc0Vd5Hs8JaQe2"))
        XCTAssertEqual(restricted.status, .valid)
        XCTAssertEqual(restricted.facts?.identity, "acct_1Nv0FGQ9RKHgCVdK")
    }

    func testOpenAI() {
        let key = "sk-proj-8xMz0HF_T1BNQjA7sB0hS17prPXQSzT3BlbkFJzKE7H931zjMMJrGm_BzXwCOTf"
        assertRequest("openai-project-key", key, url: "https://api.openai.com/v1/models", header: "Authorization", value: "Bearer \(key)")
        let admin = "sk-admin-uCUFYvTBqXjxFdMoF_R1BghJBT3BlbkFJVrhXxUkCEJrNa9V31TgbJf"
        assertRequest(
            "openai-admin-key", admin, url: "https://api.openai.com/v1/organization/admin_api_keys?limit=1", header: "Authorization",
            value: "Bearer \(admin)")
        assertCommonAnswers("openai-project-key", key)
        let subject = CheckFixture.subject("openai-project-key", key)
        let valid = CheckFixture.interpret(
            CheckFixture.response(200, #"{"object": "list", "data": []}"#, headers: ["openai-organization": "org-acme"]), subject)
        XCTAssertEqual(valid.status, .valid)
        XCTAssertEqual(valid.facts?.identity, "org-acme")
        XCTAssertEqual(CheckFixture.interpret(CheckFixture.response(403, "{}"), subject).status, .unknown)
    }

    func testAnthropic() {
        let key = "sk-ant-api03-MIV70GFukXdLYjoN6fZWPsoMmE5fQR53sU3XW5Tp2BTyDRVBtx8DTVtb7BbSzF2OQe5-6YctFb_UxNgSLJvxOUAu8dknlAA"
        assertRequest("anthropic-api-key", key, url: "https://api.anthropic.com/v1/models?limit=1", header: "x-api-key", value: key)
        XCTAssertEqual(
            CheckFixture.header("anthropic-version", CheckFixture.request(CheckFixture.subject("anthropic-api-key", key))), "2023-06-01")
        assertCommonAnswers("anthropic-api-key", key)
        let admin = CheckFixture.subject(
            "anthropic-admin-key",
            "sk-ant-admin01-Aoy1VYabpYIS9tFMyXd3snDgxDWuNm8OJiRBE81AzVHhjl7j2GvnoZnsy0KEQOnPyR8sqWdRDGGe_IDMgg5Afmwucbu0mAA")
        XCTAssertEqual(CheckFixture.request(admin)?.url.path, "/v1/organizations/me")
        let org = CheckFixture.interpret(
            CheckFixture.response(200, #"{"id": "12345678-1234-5678-1234-567812345678", "type": "organization", "name": "Acme"}"#), admin)
        XCTAssertEqual(org.facts?.identity, "organization Acme")
        XCTAssertEqual(
            CheckFixture.interpret(CheckFixture.response(529, #"{"type":"error","error":{"type":"overloaded_error"}}"#), admin).status,
            .error)
    }

    func testHuggingFaceRoleAndFineGrainedPermissionsBecomeScopes() {
        let token = "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"
        assertRequest(
            "huggingface-access-token", token, url: "https://huggingface.co/api/whoami-v2", header: "Authorization",
            value: "Bearer \(token)")
        assertCommonAnswers("huggingface-access-token", token)
        let subject = CheckFixture.subject("huggingface-access-token", token)
        let write = CheckFixture.interpret(
            CheckFixture.response(
                200,
                #"{"type": "user", "name": "alice", "auth": {"type": "access_token", "accessToken": {"displayName": "ci", "role": "write"}}}"#
            ), subject)
        XCTAssertEqual(write.facts, LiveFacts(identity: "alice", scopes: ["write"]))
        let grained = CheckFixture.interpret(
            CheckFixture.response(
                200,
                #"{"name": "alice", "auth": {"accessToken": {"role": "fineGrained", "expiration": "2026-06-30T00:00:00.000Z", "fineGrained": {"global": ["discussion.write"], "scoped": [{"entity": {"type": "model", "name": "alice/m"}, "permissions": ["repo.content.read", "repo.write"]}, {"entity": {"type": "org"}, "permissions": ["repo.write"]}]}}}}"#
            ), subject)
        XCTAssertEqual(grained.facts?.scopes, ["discussion.write", "repo.content.read", "repo.write"])
        XCTAssertEqual(grained.facts?.expires, Day(parsing: "2026-06-30"))
    }

    func testNPMAndTheRegistryATokenIsFor() {
        let token = "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"
        assertRequest(
            "npm-access-token", token, url: "https://registry.npmjs.org/-/whoami", header: "Authorization", value: "Bearer \(token)")
        assertCommonAnswers("npm-access-token", token)
        let valid = CheckFixture.interpret(
            CheckFixture.response(200, #"{"username": "ci-bot"}"#), CheckFixture.subject("npm-access-token", token))
        XCTAssertEqual(valid.facts?.identity, "ci-bot")
        // A legacy UUID token goes to npmjs only when its line (or the registry= line) names npmjs, or nothing names a registry.
        let uuid = "456c6b7b-089b-43a4-88ae-1ce9b796ec5c"
        let npmjs = CheckFixture.subject("npm-legacy-auth-token", uuid, context: "//registry.npmjs.org/:_authToken=\(uuid)\n")
        XCTAssertEqual(NPMCheck().hosts(for: npmjs).count, 1)
        let github = CheckFixture.subject(
            "npm-legacy-auth-token", uuid, context: "registry=https://registry.npmjs.org/\n//npm.pkg.github.com/:_authToken=\(uuid)\n")
        // Another registry's token is offered as an instance next to it, which the verifier refuses unless allowed.
        XCTAssertEqual(NPMCheck().hosts(for: github), [ServiceHost(base: URL(string: "https://npm.pkg.github.com")!, origin: .context)])
        let other = CheckFixture.subject("npm-legacy-auth-token", uuid, context: "registry=https://npm.example.com/\n_authToken=\(uuid)\n")
        XCTAssertEqual(NPMCheck().hosts(for: other).map(\.base.host), ["npm.example.com"])
        XCTAssertEqual(NPMCheck().hosts(for: CheckFixture.subject("npm-legacy-auth-token", uuid, context: "NPM_TOKEN=\(uuid)")).count, 1)
    }

    func testSendGridScopes() {
        let key = "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"
        assertRequest("sendgrid-api-key", key, url: "https://api.sendgrid.com/v3/scopes", header: "Authorization", value: "Bearer \(key)")
        assertCommonAnswers("sendgrid-api-key", key)
        let valid = CheckFixture.interpret(
            CheckFixture.response(200, #"{"scopes": ["mail.send", "alerts.read"]}"#), CheckFixture.subject("sendgrid-api-key", key))
        XCTAssertEqual(valid.status, .valid)
        XCTAssertEqual(valid.facts?.scopes, ["mail.send", "alerts.read"])
        XCTAssertEqual(
            CheckFixture.interpret(CheckFixture.response(403, "{}"), CheckFixture.subject("sendgrid-api-key", key)).status, .unknown)
    }
}
