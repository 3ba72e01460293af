import XCTest

@testable import TokenWarden

/// The checks that need a value found next to the secret: Docker Hub (the account name) and Twilio
/// (the account or API key SID). Without it nothing is sent and the reason says what was missing.
final class PairedSecretCheckTests: XCTestCase {
    let pat = "dckr_pat_A53zmg7srxirfu19Ac_kKd2Lq1D"

    func testDockerHubLogsInWithTheNameFromTheText() throws {
        for (context, name) in [
            ("echo \"\(pat)\" | docker login -u acmebot --password-stdin", "acmebot"),
            (#"{"username": "ci-user", "password": "\#(pat)"}"#, "ci-user"),
            ("DOCKERHUB_USERNAME=builder42\nDOCKERHUB_TOKEN=\(pat)", "builder42"),
            // Text whose lower-case form is longer than it (İ) before the name.
            ("# İİİİ notes\nDOCKER_USERNAME: acmeops\nDOCKER_PAT: \(pat)", "acmeops"),
        ] {
            let subject = CheckFixture.subject("dockerhub-pat", pat, context: context)
            let request = try XCTUnwrap(CheckFixture.request(subject), context)
            XCTAssertEqual(request.method, "POST")
            XCTAssertEqual(request.url.absoluteString, "https://hub.docker.com/v2/auth/token")
            let body = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(request.body ?? [])) as? [String: String])
            XCTAssertEqual(body, ["identifier": name, "secret": pat], context)
            XCTAssertEqual(
                CheckFixture.interpret(CheckFixture.response(200, #"{"access_token": "eyJ..."}"#), subject).facts?.identity, name)
        }
        // Two accounts' tokens: each goes with the name written nearest it.
        let org = "dckr_oat_wEpgnR74KLO10yZ2ChVIHNaQzlMKYdIL"
        let two = "DOCKER_USERNAME=acmebot\nDOCKER_PAT=\(pat)\n\n\nDOCKER_ORG=acmeorg\nDOCKER_ORG_TOKEN=\(org)\n"
        XCTAssertEqual(DockerHubCheck.identifier(for: CheckFixture.subject("dockerhub-pat", pat, context: two)), "acmebot")
        XCTAssertEqual(DockerHubCheck.identifier(for: CheckFixture.subject("dockerhub-org-access-token", org, context: two)), "acmeorg")
        let alone = CheckFixture.subject("dockerhub-pat", pat, context: "TOKEN=\(pat)")
        XCTAssertNil(CheckFixture.request(alone))
        XCTAssertTrue((DockerHubCheck() as any ServiceCheck).missingReason.contains("user or organisation name"))
        let named = CheckFixture.subject("dockerhub-pat", pat, context: "docker login -u acmebot -p \(pat)")
        let rejected = CheckFixture.interpret(CheckFixture.response(401, #"{"detail":"Incorrect authentication credentials"}"#), named)
        XCTAssertEqual(rejected.status, .invalid)
        XCTAssertEqual(rejected.reason, "HTTP 401 for the name acmebot")
    }

    func testTwilioAuthTokenUsesTheAccountSIDFromTheText() throws {
        let sid = "AC17628c5df2813c4f90d8176a45693787"
        let token = "19585ca35f8b5da5d2017fac7e2e994c"
        let subject = CheckFixture.subject("twilio-auth-token", token, context: "TWILIO_ACCOUNT_SID=\(sid)\nTWILIO_AUTH_TOKEN=\(token)\n")
        let request = try XCTUnwrap(CheckFixture.request(subject))
        XCTAssertEqual(request.url.absoluteString, "https://api.twilio.com/2010-04-01/Accounts/\(sid).json")
        XCTAssertEqual(CheckFixture.header("Authorization", request), "Basic " + Data("\(sid):\(token)".utf8).base64EncodedString())
        let valid = CheckFixture.interpret(
            CheckFixture.response(200, #"{"sid": "\#(sid)", "friendly_name": "Acme prod", "status": "active"}"#), subject)
        XCTAssertEqual(valid.facts?.identity, "Acme prod, \(sid)")
        XCTAssertEqual(CheckFixture.interpret(CheckFixture.response(401, #"{"code": 20003}"#), subject).status, .invalid)
        XCTAssertNil(CheckFixture.request(CheckFixture.subject("twilio-auth-token", token, context: "TWILIO_AUTH_TOKEN=\(token)")))
        // Two accounts in one file: the token goes with the SID written next to it.
        let staging = "AC0884b2f58435f25c1a752d03a4586008"
        let two = "PROD_SID=\(sid)\nPROD_AUTH_TOKEN=\(token)\nSTAGING_SID=\(staging)\nSTAGING_AUTH_TOKEN=ee44703f533ebda0238e42cca087efa2\n"
        let second = CheckFixture.subject("twilio-auth-token", "ee44703f533ebda0238e42cca087efa2", context: two)
        XCTAssertEqual(CheckFixture.request(second)?.url.path, "/2010-04-01/Accounts/\(staging).json")
        XCTAssertEqual(
            CheckFixture.request(CheckFixture.subject("twilio-auth-token", token, context: two))?.url.path,
            "/2010-04-01/Accounts/\(sid).json")
    }

    func testTwilioAPIKeySecretUsesItsKeySIDCompanion() throws {
        let keySID = "SK02865c1f4522fd46ebda1fed09cd26e5"
        let secret = "4n8GPxRw703yKscw7r4NIzOiLPAbE44Z"
        let subject = CheckFixture.subject("twilio-api-key-secret", secret, companions: [("twilio-api-key-sid", keySID)], context: secret)
        let request = try XCTUnwrap(CheckFixture.request(subject))
        XCTAssertEqual(request.url.absoluteString, "https://api.twilio.com/2010-04-01/Accounts.json?PageSize=1")
        XCTAssertEqual(CheckFixture.header("Authorization", request), "Basic " + Data("\(keySID):\(secret)".utf8).base64EncodedString())
        let listed = CheckFixture.interpret(
            CheckFixture.response(200, #"{"accounts": [{"sid": "AC1", "friendly_name": "Acme"}]}"#), subject)
        XCTAssertEqual(listed.facts?.identity, "Acme, AC1")
    }
}
