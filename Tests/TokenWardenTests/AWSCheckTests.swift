import XCTest

@testable import TokenWarden

/// The AWS check: the key id and secret access key paired through companions, STS GetCallerIdentity
/// signed with SigV4, and STS's documented answers.
final class AWSCheckTests: XCTestCase {
    let keyID = "AKIAWFCHRTUWYX7XJOI4"
    let secret = "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"
    let identity = """
        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>
        <Arn>arn:aws:iam::123456789012:user/ci</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account>
        </GetCallerIdentityResult></GetCallerIdentityResponse>
        """

    func error(_ code: String) -> String {
        "<ErrorResponse><Error><Type>Sender</Type><Code>\(code)</Code><Message>m</Message></Error></ErrorResponse>"
    }

    func testAKeyIDWithItsSecretSignsGetCallerIdentityForSTS() throws {
        let subject = CheckFixture.subject("aws-access-key-id", keyID, companions: [("aws-secret-access-key", secret)])
        let request = try XCTUnwrap(CheckFixture.request(subject))
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.url.absoluteString, "https://sts.amazonaws.com/")
        XCTAssertEqual(request.body, Array("Action=GetCallerIdentity&Version=2011-06-15".utf8))
        XCTAssertEqual(CheckFixture.header("X-Amz-Date", request), "20251202T000000Z")
        let authorization = try XCTUnwrap(CheckFixture.header("Authorization", request))
        XCTAssertTrue(
            authorization.hasPrefix(
                "AWS4-HMAC-SHA256 Credential=\(keyID)/20251202/us-east-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature="
            ),
            authorization)
        // The secret signs; it is never sent.
        XCTAssertFalse(request.headers.contains { $0.value.contains(secret) })
        XCTAssertNil(CheckFixture.header("X-Amz-Security-Token", request))
        // The signature is the one SigV4 gives for exactly these headers and body.
        let signer = AWSSignatureV4(credentials: .init(accessKeyID: keyID, secretAccessKey: secret), region: "us-east-1", service: "sts")
        let own = request.headers.filter { $0.name == "Content-Type" }
        let expected = signer.signingHeaders(method: "POST", url: request.url, headers: own, body: request.body!, date: CheckFixture.now)
        XCTAssertEqual(authorization, expected.last?.value)
    }

    func testTheSecretFindingPairsWithTheKeyIDCompanionOrTheKeyIDInItsContext() throws {
        let paired = CheckFixture.subject("aws-secret-access-key-paired", secret, companions: [("aws-access-key-id", keyID)])
        XCTAssertTrue(try XCTUnwrap(CheckFixture.header("Authorization", CheckFixture.request(paired))).contains("Credential=\(keyID)/"))
        let fromContext = CheckFixture.subject(
            "aws-secret-access-key", secret, context: "aws_access_key_id = \(keyID)\naws_secret_access_key = \(secret)\n")
        XCTAssertTrue(
            try XCTUnwrap(CheckFixture.header("Authorization", CheckFixture.request(fromContext))).contains("Credential=\(keyID)/"))
    }

    func testWithTwoKeyPairsInAFileEachSecretSignsWithTheKeyIDWrittenNextToIt() throws {
        let other = (id: "AKIAKXH64UWYN72WNZW7", secret: "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")
        let text =
            "[prod]\naws_access_key_id = \(keyID)\naws_secret_access_key = \(secret)\n[dev]\naws_access_key_id = \(other.id)\naws_secret_access_key = \(other.secret)\n"
        let ids = [("aws-access-key-id", keyID), ("aws-access-key-id", other.id)]
        let dev = CheckFixture.subject("aws-secret-access-key", other.secret, companions: ids, context: text)
        XCTAssertTrue(try XCTUnwrap(CheckFixture.header("Authorization", CheckFixture.request(dev))).contains("Credential=\(other.id)/"))
        let prod = CheckFixture.subject("aws-secret-access-key", secret, companions: ids, context: text)
        XCTAssertTrue(try XCTUnwrap(CheckFixture.header("Authorization", CheckFixture.request(prod))).contains("Credential=\(keyID)/"))
        // A key id signs with the secret written after it, not the other pair's.
        let secrets = [("aws-secret-access-key", secret), ("aws-secret-access-key", other.secret)]
        let devID = try XCTUnwrap(
            CheckFixture.request(CheckFixture.subject("aws-access-key-id", other.id, companions: secrets, context: text)))
        let signer = AWSSignatureV4(
            credentials: .init(accessKeyID: other.id, secretAccessKey: other.secret), region: "us-east-1", service: "sts")
        let expected = signer.signingHeaders(
            method: "POST", url: devID.url, headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
            body: devID.body!,
            date: CheckFixture.now)
        XCTAssertEqual(CheckFixture.header("Authorization", devID), expected.last?.value)
    }

    func testAKeyIDWithoutASecretOrATemporaryKeyWithoutItsTokenSendsNothing() {
        let check = AWSCheck()
        XCTAssertNil(CheckFixture.request(CheckFixture.subject("aws-access-key-id", keyID)))
        let temporary = CheckFixture.subject("aws-access-key-id", "ASIACQOH5B5IF3CJ7JU2", companions: [("aws-secret-access-key", secret)])
        XCTAssertNil(CheckFixture.request(temporary))
        // The reason the report gives, through the protocol.
        let any: any ServiceCheck = check
        XCTAssertTrue(any.missingReason.contains("secret access key"), any.missingReason)
    }

    func testASessionTokenIsSentAndSigned() throws {
        let token = String(repeating: "IQoJb3JpZ2luX2VjEOc", count: 8)
        let subject = CheckFixture.subject(
            "aws-access-key-id", "ASIACQOH5B5IF3CJ7JU2", companions: [("aws-secret-access-key", secret), ("aws-session-token", token)])
        let request = try XCTUnwrap(CheckFixture.request(subject))
        XCTAssertEqual(CheckFixture.header("X-Amz-Security-Token", request), token)
        XCTAssertTrue(
            CheckFixture.header("Authorization", request)!.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token"))
    }

    func testSTSAnswers() {
        let subject = CheckFixture.subject("aws-access-key-id", keyID, companions: [("aws-secret-access-key", secret)])
        let valid = CheckFixture.interpret(CheckFixture.response(200, identity), subject)
        XCTAssertEqual(valid.status, .valid)
        XCTAssertEqual(valid.facts?.identity, "arn:aws:iam::123456789012:user/ci")
        for code in ["InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken"] {
            let outcome = CheckFixture.interpret(CheckFixture.response(403, error(code)), subject)
            XCTAssertEqual(outcome.status, .invalid, code)
            XCTAssertEqual(outcome.reason, "HTTP 403 \(code)")
        }
        XCTAssertEqual(CheckFixture.interpret(CheckFixture.response(400, error("Throttling")), subject).status, .error)
        XCTAssertEqual(CheckFixture.interpret(CheckFixture.response(503, ""), subject).status, .error)
        XCTAssertEqual(CheckFixture.interpret(CheckFixture.response(403, error("AccessDenied")), subject).status, .unknown)
    }
}
