import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// GitHub's credential revocation API as data: which tokens may go, the request, what answers mean.
final class GitHubRevocationTests: XCTestCase {
    let classic = "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"
    let oauth = "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"
    let installation = "ghs_gJI2uvpilYysorzgPZZHEMQEKZwEBj3E9hPI"
    let slack = "xoxb-485708393473-6714321785375-pOYzBneBDtnhP0NRvQ24rzYy"

    final class Transport: HTTPTransport, @unchecked Sendable {
        var responses: [Result<HTTPResponse, TransportError>]
        var sent: [HTTPRequest] = []
        init(_ responses: [Result<HTTPResponse, TransportError>]) { self.responses = responses }
        func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
            sent.append(request)
            switch responses.removeFirst() {
            case .success(let r): return r
            case .failure(let e): throw e
            }
        }
    }

    private func candidates(_ tokens: [String]) -> [GitHubRevocation.Candidate] {
        GitHubRevocation.candidates(tokens.map { Array($0.utf8) }, rules: TestSupport.builtInRuleSet)
    }

    func testOnlyRevocableGitHubTokensAreAccepted() {
        let c = candidates([classic, oauth, installation, slack, "hunter2hunter2"])
        XCTAssertEqual(c.map(\.rule), ["github-pat-classic", "github-oauth", nil, nil, nil])
        XCTAssertNil(c[0].refusal)
        XCTAssertEqual(c[2].refusal, "a GitHub token kind the revocation API does not accept (github-server-to-server)")
        XCTAssertEqual(c[3].refusal, "not a GitHub token: a slack secret (slack-bot-token)")
        XCTAssertEqual(c[4].refusal, "not a GitHub token: not a token any rule recognises")
        // A token inside more text is not a token: only whole values are sent.
        XCTAssertNotNil(candidates(["x" + classic])[0].refusal)
        // Shown redacted only, whatever was refused.
        for candidate in c { XCTAssertNotEqual(candidate.redacted, String(decoding: candidate.secret, as: UTF8.self)) }
        XCTAssertEqual(c[0].redacted, "ghp_…YhBa")
    }

    func testRequestIsUnauthenticatedAndHoldsTheTokens() throws {
        let r = GitHubRevocation.request(for: [Array(classic.utf8), Array(oauth.utf8)], on: GitHubRevocation.host)
        XCTAssertEqual(r.method, "POST")
        XCTAssertEqual(r.url.absoluteString, "https://api.github.com/credentials/revoke")
        XCTAssertFalse(r.headers.contains { $0.name.lowercased() == "authorization" })
        let body = try JSONSerialization.jsonObject(with: Data(r.body ?? [])) as? [String: [String]]
        XCTAssertEqual(body, ["credentials": [classic, oauth]])
    }

    func testResponses() {
        XCTAssertEqual(GitHubRevocation.interpret(HTTPResponse(status: 202)), .accepted)
        XCTAssertEqual(
            GitHubRevocation.interpret(HTTPResponse(status: 422)),
            .rejected("HTTP 422: validation failed, or the endpoint has been spammed"))
        XCTAssertEqual(GitHubRevocation.interpret(HTTPResponse(status: 429, headers: ["retry-after": "60"])), .rateLimited(retryAfter: 60))
        XCTAssertEqual(
            GitHubRevocation.interpret(HTTPResponse(status: 403, headers: ["x-ratelimit-remaining": "0"])), .rateLimited(retryAfter: nil))
        XCTAssertEqual(GitHubRevocation.interpret(HTTPResponse(status: 403)), .rejected("HTTP 403 (the API refuses authenticated calls)"))
        XCTAssertEqual(GitHubRevocation.interpret(HTTPResponse(status: 502)), .failed("HTTP 502: GitHub's error"))
    }

    func testBatchesOfAThousandAndNothingMoreAfterARateLimit() {
        let tokens = Array(repeating: Array(classic.utf8), count: 2500)
        let transport = Transport([
            .success(HTTPResponse(status: 202)), .success(HTTPResponse(status: 429, headers: ["retry-after": "30"])),
        ])
        let results = GitHubRevocation.send(tokens, on: GitHubRevocation.host, through: transport)
        XCTAssertEqual(results.map(\.range), [0..<1000, 1000..<2000, 2000..<2500])
        XCTAssertEqual(results.map(\.outcome), [.accepted, .rateLimited(retryAfter: 30), .failed("not sent: rate limited")])
        XCTAssertEqual(transport.sent.count, 2)
    }

    func testTransportErrorsAreReportedWithoutTheToken() {
        let transport = Transport([.failure(.tls("certificate verify failed"))])
        let results = GitHubRevocation.send([Array(classic.utf8)], on: GitHubRevocation.host, through: transport)
        XCTAssertEqual(results.map(\.outcome), [.failed("TLS failure: certificate verify failed")])
        XCTAssertEqual(transport.sent.count, 1)
    }
}

extension GitHubRevocationTests {
    func testReportsGiveTheirGitHubSecrets() throws {
        let document =
            #"{"findings": [{"rule": "github-oauth", "secret": "\#(oauth)"}, {"rule": "slack-bot-token", "secret": "\#(slack)"}]}"#
        XCTAssertEqual(
            try RevocationReport.pick(Data(document.utf8), origin: "r.json"),
            RevocationReport.Picked(tokens: [Array(oauth.utf8)], others: 1))
        let lines = #"{"rule": "github-pat-classic", "secret": "\#(classic)"}"# + "\n\n" + #"{"rule": "aws-access-key"}"# + "\n"
        XCTAssertEqual(try RevocationReport.pick(Data(lines.utf8), origin: "r.jsonl").tokens, [Array(classic.utf8)])
        XCTAssertThrowsError(try RevocationReport.pick(Data("{\"rule\": 1}\nnot json\n".utf8), origin: "r.jsonl")) {
            XCTAssertEqual("\($0)", "r.jsonl:1: not a tokenwarden JSON or JSONL report")
        }
        XCTAssertThrowsError(try RevocationReport.pick(Data(#"{"findings": [{"rule": "github-oauth"}]}"#.utf8), origin: "r.json"))
    }
}
