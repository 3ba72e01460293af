import Foundation
import XCTest

@testable import TokenWarden

/// Shortcuts for the unit tests of the live checks: a subject, a response, the request a check builds.
enum CheckFixture {
    static let now = Date(timeIntervalSince1970: 1_764_633_600)  // 2025-12-02T00:00:00Z

    static func subject(
        _ rule: String, _ secret: String, companions: [(rule: String, secret: String)] = [], context: String? = nil
    ) -> VerificationSubject {
        let check = ServiceChecks.check(forRule: rule)
        return VerificationSubject(
            rule: rule, service: check?.service ?? "?", secret: Array(secret.utf8),
            companions: companions.map { ($0.rule, Array($0.secret.utf8)) }, context: Array((context ?? secret).utf8))
    }

    static func response(_ status: Int, _ body: String = "", headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Array(body.utf8))
    }

    /// The check registered for `subject.rule`, its first host, and the request it builds there.
    static func request(_ subject: VerificationSubject, file: StaticString = #filePath, line: UInt = #line) -> HTTPRequest? {
        guard let check = ServiceChecks.check(forRule: subject.rule) else {
            XCTFail("no check for \(subject.rule)", file: file, line: line)
            return nil
        }
        guard let host = check.hosts(for: subject).first else { return nil }
        return check.request(for: subject, on: host, now: now)
    }

    static func interpret(_ response: HTTPResponse, _ subject: VerificationSubject) -> VerificationOutcome {
        ServiceChecks.check(forRule: subject.rule)!.interpret(response, for: subject)
    }

    static func header(_ name: String, _ request: HTTPRequest?) -> String? {
        request?.headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
