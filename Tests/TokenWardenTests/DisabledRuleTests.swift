import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// `disabled_rules`: a disabled rule reports nothing, and a catch-all match on the secret it would
/// have reported is low confidence (not blocking) and names it, instead of blocking as if nothing were disabled.
final class DisabledRuleTests: XCTestCase {
    func rules(disabling: [String]) throws -> RuleSet {
        var config = Config()
        config.disabledRules = disabling
        let specific = TestSupport.rule("acme-key", keywords: ["acme_"], regex: #"(acme_[a-z0-9]{20})"#)
        let generic = TestSupport.rule("catch-all", keywords: ["key"], regex: #"key\s*=\s*"([^"]{16,})""#, generic: true)
        return RuleSet(try config.adjust([specific, generic]))
    }

    let text = "key = \"acme_q8zr2mxv7lp4nw9ks3jd\"\nother_key = \"Zq8Xr2Mv7Lp4Nw9K\"\n"

    func testEnabledTheSpecificRuleWins() throws {
        let found = TestSupport.scan(text, rules: try rules(disabling: []))
        XCTAssertEqual(found.map(\.rule), ["acme-key", "catch-all"])
        XCTAssertEqual(found.map(\.disabledRule), [nil, nil])
    }

    func testDisabledTheCatchAllSaysSoAndDoesNotBlock() throws {
        let found = TestSupport.scan(text, rules: try rules(disabling: ["acme-key"]))
        XCTAssertEqual(found.map(\.rule), ["catch-all", "catch-all"])
        XCTAssertEqual(found.map(\.disabledRule), ["acme-key", nil])
        XCTAssertEqual(found.map(\.confidence), [.low, .medium])
        XCTAssertEqual(found.map(\.blocking), [false, true])
        XCTAssertTrue(FindingMessage.text(found[0]).contains("rule acme-key is disabled"))
        XCTAssertTrue(TextReport.line(for: found[0]).contains("rule acme-key disabled"))
    }

    func testAnUnknownRuleCannotBeDisabled() {
        var config = Config()
        config.disabledRules = ["nope"]
        XCTAssertThrowsError(try config.adjust([TestSupport.rule("a", keywords: ["a"], regex: "a")]))
    }
}
