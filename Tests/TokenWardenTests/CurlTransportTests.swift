import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// The libcurl transport against the loopback stand-in: what goes out, what comes back, and the
/// refusals (redirects, bad certificates, plain http to anything but loopback, slow answers).
final class CurlTransportTests: XCTestCase {
    func testSendsMethodHeadersAndBodyAndParsesTheResponse() throws {
        let server = try LoopbackServices(routes: [
            .init(
                "/api/check", method: "POST", headers: ["Authorization": "Bearer tok"], status: 201,
                responseHeaders: ["X-OAuth-Scopes": "repo, gist"], json: ["login": "octo"])
        ])
        let response = try CurlTransport().send(
            HTTPRequest(
                method: "POST", url: URL(string: server.baseURL + "/api/check")!, headers: [("Authorization", "Bearer tok")],
                body: Array("a=1".utf8)))
        XCTAssertEqual(response.status, 201)
        XCTAssertEqual(response.headers["x-oauth-scopes"], "repo, gist")
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), #"{"login": "octo"}"#)
        let seen = try server.requests()
        XCTAssertEqual(seen.count, 1)
        XCTAssertEqual(seen.first?.body, "a=1")
        XCTAssertEqual(seen.first?.route, 0)
    }

    func testARedirectIsRefusedAndItsTargetGetsNothing() throws {
        let other = try LoopbackServices(routes: [.init("/", status: 200)])
        let server = try LoopbackServices(routes: [.init("/user", status: 302, responseHeaders: ["Location": other.baseURL + "/"])])
        XCTAssertThrowsError(try CurlTransport().send(HTTPRequest(url: URL(string: server.baseURL + "/user")!))) { error in
            XCTAssertEqual(error as? TransportError, .redirectRefused(location: other.baseURL + "/"))
        }
        XCTAssertEqual(try other.connections().accepted, 0)
    }

    func testASlowAnswerTimesOut() throws {
        let server = try LoopbackServices(routes: [.init("/slow", status: 200, delay: 3)])
        let start = Date()
        XCTAssertThrowsError(try CurlTransport(timeout: .milliseconds(500)).send(HTTPRequest(url: URL(string: server.baseURL + "/slow")!)))
        {
            XCTAssertEqual($0 as? TransportError, .timeout)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 2.5)
    }

    func testASelfSignedCertificateIsATLSErrorAndNoRequestIsSent() throws {
        let server = try LoopbackServices(routes: [.init("/user", status: 200)], tls: true)
        XCTAssertThrowsError(try CurlTransport().send(HTTPRequest(url: URL(string: server.baseURL + "/user")!))) { error in
            guard case .tls = error as? TransportError else { return XCTFail("expected a TLS error, got \(error)") }
        }
        XCTAssertEqual(try server.requests().count, 0)
        XCTAssertEqual(try server.connections().accepted, 1)
    }

    func testPlainHTTPReachesOnlyLoopback() {
        // 192.0.2.1 is TEST-NET-1: the handle refuses the scheme before any connection is tried.
        XCTAssertThrowsError(try CurlTransport(timeout: .seconds(2)).send(HTTPRequest(url: URL(string: "http://192.0.2.1/user")!))) {
            error in
            guard case .connection = error as? TransportError else { return XCTFail("expected a refused protocol, got \(error)") }
        }
    }

    func testTheBodyIsCutAtTheLimit() throws {
        let server = try LoopbackServices(routes: [.init("/big", status: 200, body: String(repeating: "x", count: 100_000))])
        let response = try CurlTransport(bodyLimit: 1000).send(HTTPRequest(url: URL(string: server.baseURL + "/big")!))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.body.count, 1000)
    }

    func testLoopbackAddressesAreLiteralOnly() {
        for host in ["127.0.0.1", "127.1.2.3", "[::1]", "::1"] { XCTAssertTrue(LoopbackAddress.contains(host: host), host) }
        for host in ["localhost", "10.0.0.1", "127.0.0.1.example.com", "128.0.0.1", "127.0.0.256", "127.0.0", "example.com", ""] {
            XCTAssertFalse(LoopbackAddress.contains(host: host), host)
        }
    }

    func testHeaderBlocksParseToLowerCasedNames() {
        let headers = CurlTransport.parseHeaders("HTTP/1.1 200 OK\r\nX-OAuth-Scopes: repo\r\nSet-Cookie: a\r\nSet-Cookie: b\r\n\r\n")
        XCTAssertEqual(headers, ["x-oauth-scopes": "repo", "set-cookie": "a, b"])
    }
}
