import Foundation
import TokenWardenTestSupport
import XCTest

/// `scan --verify` with the platform checks, end to end: the built CLI, its libcurl transport, and
/// each service on 127.0.0.1 (`TOKENWARDEN_VERIFY_ENDPOINT_<SERVICE>`): AWS against moto's real STS,
/// GitLab, Slack and Twilio against the loopback stand-in that answers as their docs say.
final class PlatformVerificationTests: CLITestCase {
    /// The findings of a `--format json` run, as JSON objects (the report's own field names).
    func findings(_ r: Run, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return try XCTUnwrap(object?["findings"] as? [[String: Any]], "no findings in \(r.stdout)\(r.stderr)", file: file, line: line)
    }

    func finding(_ rule: String, in list: [[String: Any]], file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        try XCTUnwrap(list.first { $0["rule"] as? String == rule }, "no \(rule) finding in \(list)", file: file, line: line)
    }

    func scan(_ dir: URL, _ service: String, _ base: String) throws -> Run {
        try run(["scan", "--verify", "--format", "json", "."], in: dir, environment: ["TOKENWARDEN_VERIFY_ENDPOINT_\(service)": base])
    }

    // MARK: AWS against moto

    func testAWSKeyPairIsValidWithItsARNAndAWrongSecretIsInvalid() throws {
        let server = try MotoServer(unauthenticated: 2)
        defer { server.stop() }
        let key = try server.createAccessKey(user: "ci-deployer")
        let dir = try TestSupport.temporaryDirectory(self)
        try write("[default]\naws_access_key_id = \(key.id)\naws_secret_access_key = \(key.secret)\n", to: "credentials", in: dir)
        let r = try scan(dir, "AWS", server.baseURL)
        XCTAssertEqual(r.status, 1, r.stderr)
        let list = try findings(r)
        for rule in ["aws-access-key-id", "aws-secret-access-key"] {
            let f = try finding(rule, in: list)
            XCTAssertEqual(f["verification"] as? String, "valid", "\(rule): \(f)")
            XCTAssertEqual(f["verified_identity"] as? String, "arn:aws:iam::123456789012:user/ci-deployer", rule)
            XCTAssertEqual(f["verified_host"] as? String, "127.0.0.1", rule)
        }
        XCTAssertFalse(r.stdout.contains(key.secret), "the secret access key is printed")

        // moto checks the signature: the same key id with another secret is rejected.
        let forged = String(key.secret.reversed())
        try write("[default]\naws_access_key_id = \(key.id)\naws_secret_access_key = \(forged)\n", to: "credentials", in: dir)
        let wrong = try finding("aws-secret-access-key", in: try findings(try scan(dir, "AWS", server.baseURL)))
        XCTAssertEqual(wrong["verification"] as? String, "invalid")
        XCTAssertEqual(wrong["verification_reason"] as? String, "HTTP 403 SignatureDoesNotMatch")
    }

    func testAnAWSKeyIDWithoutItsSecretIsUnknownAndNothingIsSent() throws {
        let server = try LoopbackServices(routes: [.init("/", method: "POST", status: 200)])
        let dir = try TestSupport.temporaryDirectory(self)
        try write("AWS_ACCESS_KEY_ID=AKIAJIZ5ZJPAP7EZE4UN\n", to: "deploy.env", in: dir)
        let f = try finding("aws-access-key-id", in: try findings(try scan(dir, "AWS", server.baseURL)))
        XCTAssertEqual(f["verification"] as? String, "unknown")
        XCTAssertTrue((f["verification_reason"] as? String ?? "").contains("secret access key"), "\(f)")
        XCTAssertEqual(try server.requests().count, 0)
    }

    // MARK: platforms against the loopback stand-in

    func testGitLabTokenReportsItsLiveScopesAndOwnerAndIsSentOnceInPrivateToken() throws {
        let token = "glpat-Hk3Rz8bXc2Vn5Qw1Tp9L"
        let server = try LoopbackServices(routes: [
            .init(
                "/api/v4/personal_access_tokens/self", headers: ["PRIVATE-TOKEN": token], status: 200,
                json: [
                    "id": 4, "name": "ci-deploy", "scopes": ["api", "read_repository"], "user_id": 3, "active": true, "revoked": false,
                    "expires_at": "2026-03-01",
                ])
        ])
        let dir = try TestSupport.temporaryDirectory(self)
        // The same token twice: one request.
        try write("GITLAB_TOKEN=\(token)\n", to: "a.env", in: dir)
        try write("token: \(token)\n", to: "b.yml", in: dir)
        let r = try scan(dir, "GITLAB", server.baseURL)
        let list = try findings(r).filter { $0["rule"] as? String == "gitlab-pat" }
        XCTAssertEqual(list.count, 2, r.stdout)
        for f in list {
            XCTAssertEqual(f["verification"] as? String, "valid", "\(f)")
            XCTAssertEqual(f["verified_identity"] as? String, "token ci-deploy, user 3")
            XCTAssertEqual(f["scopes"] as? [String], ["api", "read_repository"])
        }
        let seen = try server.requests()
        XCTAssertEqual(seen.count, 1)
        XCTAssertEqual(seen.first?.headers["private-token"], token)
        XCTAssertNil(seen.first?.headers["authorization"])
    }

    func testSlackOkFalseWithHTTP200IsInvalid() throws {
        let token = "xoxb-485708393473-6714321785375-pOYzBneBDtnhP0NRvQ24rzYy"
        let server = try LoopbackServices(routes: [
            .init(
                "/api/auth.test", method: "POST", headers: ["Authorization": "Bearer \(token)"], status: 200,
                json: ["ok": false, "error": "invalid_auth"])
        ])
        let dir = try TestSupport.temporaryDirectory(self)
        try write("SLACK_BOT_TOKEN=\(token)\n", to: ".env", in: dir)
        let f = try finding("slack-bot-token", in: try findings(try scan(dir, "SLACK", server.baseURL)))
        XCTAssertEqual(f["verification"] as? String, "invalid")
        XCTAssertEqual(f["verification_reason"] as? String, "ok: false, invalid_auth")
        XCTAssertEqual(try server.requests().count, 1)
    }

    func testTwilioAuthTokenIsSentWithTheAccountSIDFromTheFile() throws {
        let sid = "AC17628c5df2813c4f90d8176a45693787"
        let token = "19585ca35f8b5da5d2017fac7e2e994c"
        let basic = "Basic " + Data("\(sid):\(token)".utf8).base64EncodedString()
        let server = try LoopbackServices(routes: [
            .init(
                "/2010-04-01/Accounts/\(sid).json", headers: ["Authorization": basic], status: 200,
                json: ["sid": .string(sid), "friendly_name": "Acme prod", "status": "active"])
        ])
        let dir = try TestSupport.temporaryDirectory(self)
        try write("TWILIO_ACCOUNT_SID=\(sid)\nTWILIO_AUTH_TOKEN=\(token)\n", to: ".env", in: dir)
        let f = try finding("twilio-auth-token", in: try findings(try scan(dir, "TWILIO", server.baseURL)))
        XCTAssertEqual(f["verification"] as? String, "valid", "\(f)")
        XCTAssertEqual(f["verified_identity"] as? String, "Acme prod, \(sid)")
    }
}
