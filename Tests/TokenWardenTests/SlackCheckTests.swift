import XCTest

@testable import TokenWarden

/// The Slack check: auth.test answers HTTP 200 both ways, so `ok` decides.
final class SlackCheckTests: XCTestCase {
    let token = "xoxb-485708393473-6714321785375-pOYzBneBDtnhP0NRvQ24rzYy"

    func testAuthTestIsPostedWithTheTokenAsABearer() throws {
        let request = try XCTUnwrap(CheckFixture.request(CheckFixture.subject("slack-bot-token", token)))
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.url.absoluteString, "https://slack.com/api/auth.test")
        XCTAssertEqual(CheckFixture.header("Authorization", request), "Bearer \(token)")
        XCTAssertFalse(request.url.absoluteString.contains(token))
    }

    func testOkTrueIsValidWithUserTeamAndScopes() {
        let subject = CheckFixture.subject("slack-bot-token", token)
        let body = #"{"ok": true, "url": "https://acme.slack.com/", "team": "Acme", "user": "deploybot", "team_id": "T1", "user_id": "U1"}"#
        let outcome = CheckFixture.interpret(
            CheckFixture.response(200, body, headers: ["x-oauth-scopes": "chat:write, channels:read,users:read"]), subject)
        XCTAssertEqual(outcome.status, .valid)
        XCTAssertEqual(outcome.facts, LiveFacts(identity: "deploybot, team Acme", scopes: ["chat:write", "channels:read", "users:read"]))
    }

    func testOkFalseIsInvalidForTheDocumentedAuthErrorsOnly() {
        let subject = CheckFixture.subject("slack-bot-token", token)
        for error in ["invalid_auth", "token_revoked", "account_inactive", "not_authed"] {
            let outcome = CheckFixture.interpret(CheckFixture.response(200, #"{"ok": false, "error": "\#(error)"}"#), subject)
            XCTAssertEqual(outcome.status, .invalid, error)
            XCTAssertEqual(outcome.reason, "ok: false, \(error)")
        }
        XCTAssertEqual(
            CheckFixture.interpret(CheckFixture.response(200, #"{"ok": false, "error": "ratelimited"}"#), subject).status, .error)
        XCTAssertEqual(
            CheckFixture.interpret(CheckFixture.response(200, #"{"ok": false, "error": "not_allowed_token_type"}"#), subject).status,
            .unknown)
        XCTAssertEqual(CheckFixture.interpret(CheckFixture.response(429, ""), subject).status, .error)
    }
}
