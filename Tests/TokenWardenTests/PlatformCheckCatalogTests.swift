import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// The platform checks and the rules they verify agree: every rule a check claims exists, is of the
/// check's service, and documents its check in `verify:` with the host the check really sends to.
final class PlatformCheckCatalogTests: XCTestCase {
    func testEveryCheckedRuleExistsAndDocumentsTheEndpointItIsSentTo() throws {
        let rules = Dictionary(uniqueKeysWithValues: TestSupport.builtInRules.map { ($0.id, $0) })
        XCTAssertEqual(ServiceChecks.platforms.count, 11)
        for check in ServiceChecks.platforms {
            XCTAssertFalse(check.rules.isEmpty, check.service)
            for id in check.rules.sorted() {
                let rule = try XCTUnwrap(rules[id], "\(check.service) checks \(id), which is no rule")
                XCTAssertEqual(rule.service, check.service, id)
                XCTAssertTrue(ServiceChecks.check(forRule: id)?.service == check.service, "\(id) is claimed by another check too")
                let verify = try XCTUnwrap(rule.verify, "\(id) has no verify: documentation")
                let endpoint = try XCTUnwrap(URL(string: String(verify.endpoint.split(separator: " ")[1])))
                let subject = CheckFixture.subject(id, "x")
                XCTAssertEqual(
                    endpoint.host, check.hosts(for: subject).first?.base.host, "\(id): verify: names another host than the check's")
            }
        }
    }
}
