import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// Every built-in rule's examples are tests: a rule whose example fails fails the suite.
final class RuleExamplesTests: XCTestCase {
    func testEveryBuiltInRulePassesItsExamples() {
        let (failures, examples) = RuleCheck.run(TestSupport.builtInRules)
        for failure in failures { XCTFail(failure.description) }
        XCTAssertGreaterThan(examples, 2 * TestSupport.builtInRules.count)
    }

    func testCoverageIsAtLeast120Rules() {
        XCTAssertGreaterThanOrEqual(TestSupport.builtInRules.count, 120)
    }

    func testEmbeddedRulesMatchTheRuleFilesOnDisk() throws {
        let onDisk = try RuleLoader.load(path: TestSupport.packageRoot.appendingPathComponent("Rules").path)
        XCTAssertEqual(onDisk.map(\.id), TestSupport.builtInRules.map(\.id))
        XCTAssertEqual(onDisk.map(\.regex), TestSupport.builtInRules.map(\.regex))
    }

    func testSeedServicesAreCovered() {
        let services = Set(TestSupport.builtInRules.map(\.service))
        for service in ["github", "codeocean", "zenodo", "zenodo-sandbox", "b2share", "anaconda", "pydio-cells"] {
            XCTAssertTrue(services.contains(service), "no rule for \(service)")
        }
    }

    func testEveryRuleHasRemediationAndDescription() {
        for rule in TestSupport.builtInRules {
            XCTAssertFalse(rule.description.isEmpty, "\(rule.id) has no description")
            XCTAssertNotNil(rule.remediation, "\(rule.id) has no remediation")
        }
    }

    func testABrokenExampleIsReported() {
        var rule = TestSupport.rule("t-broken", keywords: ["tok_"], regex: "tok_[a-z]{8}")
        rule.examples = [RuleExample(text: "tok_ABCDEFGH")]
        rule.negativeExamples = [RuleExample(text: "tok_qwmnbvcz is reported")]
        let (failures, _) = RuleCheck.run([rule])
        XCTAssertEqual(failures.map { String($0.message.prefix(15)) }, ["example not rep", "negative exampl"])
    }

    func testAShadowedExampleIsReported() {
        var weak = TestSupport.rule("t-weak", keywords: ["key"], regex: "key=(?<secret>[a-z0-9]{12})")
        weak.examples = [RuleExample(text: "key=q8w7e6r5t4y3")]
        weak.negativeExamples = [RuleExample(text: "key=short")]
        var strong = weak
        strong.id = "t-strong"
        strong.confidence = .high
        let (failures, _) = RuleCheck.run([weak, strong])
        XCTAssertTrue(failures.contains { $0.rule == "t-weak" && $0.message.contains("shadowed") })
    }
}
