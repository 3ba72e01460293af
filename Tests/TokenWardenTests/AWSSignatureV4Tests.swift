import XCTest

@testable import TokenWarden

/// AWS's published Signature Version 4 test suite (aws-sig-v4-test-suite, as in
/// https://docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html): credentials
/// AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, region us-east-1, service `service`,
/// 2015-08-30 12:36:00 UTC, host example.amazonaws.com. The expected values are the suite's `.authz`
/// and `.sts` files.
final class AWSSignatureV4Tests: XCTestCase {
    let signer = AWSSignatureV4(
        credentials: .init(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), region: "us-east-1",
        service: "service")
    let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z
    let credential = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request"
    /// The suite's session token (post-sts-token).
    let suiteToken =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="

    func authorization(
        _ signer: AWSSignatureV4, _ method: String, _ url: String, headers: [(name: String, value: String)] = [], body: String = ""
    ) -> String? {
        signer.signingHeaders(method: method, url: URL(string: url)!, headers: headers, body: Array(body.utf8), date: date)
            .first { $0.name == "Authorization" }?.value
    }

    func testGetVanilla() {
        XCTAssertEqual(AWSSignatureV4.timestamp(date), "20150830T123600Z")
        XCTAssertEqual(
            authorization(signer, "GET", "https://example.amazonaws.com/"),
            "\(credential), SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    func testGetVanillaQueryOrderKeyCaseSortsTheQuery() {
        XCTAssertEqual(
            authorization(signer, "GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1"),
            "\(credential), SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")
    }

    func testPostVanilla() {
        XCTAssertEqual(
            authorization(signer, "POST", "https://example.amazonaws.com/"),
            "\(credential), SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")
    }

    /// The shape of STS's request: a form body, its content type signed.
    func testPostXWWWFormURLEncoded() {
        let headers: [(name: String, value: String)] = [("Content-Type", "application/x-www-form-urlencoded")]
        let canonical = signer.canonicalRequest(
            method: "POST", url: URL(string: "https://example.amazonaws.com/")!, headers: headers + [("X-Amz-Date", "20150830T123600Z")],
            body: Array("Param1=value1".utf8))
        XCTAssertEqual(
            AWSSignatureV4.stringToSign(
                timestamp: "20150830T123600Z", scope: "20150830/us-east-1/service/aws4_request", canonicalRequest: canonical.request),
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281"
        )
        XCTAssertEqual(
            authorization(signer, "POST", "https://example.amazonaws.com/", headers: headers, body: "Param1=value1"),
            "\(credential), SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"
        )
    }

    /// post-sts-header-before: a session token is sent and signed as X-Amz-Security-Token.
    func testPostSTSHeaderBeforeSignsTheSessionToken() {
        var temporary = signer
        temporary.credentials.sessionToken = suiteToken
        let headers = temporary.signingHeaders(
            method: "POST", url: URL(string: "https://example.amazonaws.com/")!, headers: [], body: [], date: date)
        XCTAssertEqual(headers.first { $0.name == "X-Amz-Security-Token" }?.value, suiteToken)
        XCTAssertEqual(
            headers.first { $0.name == "Authorization" }?.value,
            "\(credential), SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"
        )
    }

    /// A loopback test endpoint's port is part of the Host header the client sends, so it is signed.
    func testAHostWithAPortIsSignedWithIt() {
        let canonical = signer.canonicalRequest(method: "POST", url: URL(string: "http://127.0.0.1:5000/")!, headers: [], body: [])
        XCTAssertTrue(canonical.request.contains("\nhost:127.0.0.1:5000\n"), canonical.request)
    }

    func testEncodingKeepsOnlyUnreservedBytes() {
        XCTAssertEqual(AWSSignatureV4.encode("a b/c~d_e.f-g+h=é"), "a%20b%2Fc~d_e.f-g%2Bh%3D%C3%A9")
    }
}
