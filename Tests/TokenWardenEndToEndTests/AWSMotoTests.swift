import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// The AWS check against a real implementation of STS: moto's server on 127.0.0.1, which checks the
/// SigV4 signature and the access key id as AWS does. The request is the check's own, sent by the
/// transport `scan --verify` uses (libcurl), as the HTTP client puts it on the wire.
final class AWSMotoTests: XCTestCase {
    func verify(_ subject: VerificationSubject, on server: MotoServer) throws -> VerificationOutcome {
        let check = AWSCheck()
        let host = ServiceHost(base: URL(string: server.baseURL)!, origin: .testOverride)
        let request = try XCTUnwrap(check.request(for: subject, on: host, now: Date()))
        XCTAssertEqual(request.url.host, "127.0.0.1", "a test sends only to loopback")
        return check.interpret(try CurlTransport().send(request), for: subject)
    }

    func testMotoAcceptsTheSignedKeyPairAndRejectsAWrongSecretAndAnUnknownKeyID() throws {
        let server = try MotoServer(unauthenticated: 2)
        defer { server.stop() }
        let key = try server.createAccessKey(user: "ci-deployer")

        let valid = try verify(
            VerificationSubject(
                rule: "aws-access-key-id", service: "aws", secret: Array(key.id.utf8),
                companions: [("aws-secret-access-key", Array(key.secret.utf8))]
            ), on: server)
        XCTAssertEqual(valid.status, .valid, valid.reason)
        XCTAssertEqual(valid.facts?.identity, "arn:aws:iam::123456789012:user/ci-deployer")

        // moto recomputes the signature: a wrong secret is SignatureDoesNotMatch, not accepted.
        let wrongSecret = String(key.secret.reversed())
        let forged = try verify(
            VerificationSubject(
                rule: "aws-secret-access-key", service: "aws", secret: Array(wrongSecret.utf8),
                companions: [("aws-access-key-id", Array(key.id.utf8))]
            ), on: server)
        XCTAssertEqual(forged.status, .invalid)
        XCTAssertEqual(forged.reason, "HTTP 403 SignatureDoesNotMatch")

        let unknown = try verify(
            VerificationSubject(
                rule: "aws-access-key-id", service: "aws", secret: Array("AKIAWFCHRTUWYX7XJOI4".utf8),
                companions: [("aws-secret-access-key", Array(key.secret.utf8))]), on: server)
        XCTAssertEqual(unknown.status, .invalid)
        XCTAssertEqual(unknown.reason, "HTTP 403 InvalidClientTokenId")
    }
}
