import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// Fixtures/false-positives holds decoys every rule must leave alone: lockfile hashes, ids,
/// placeholders, CI secret references, documentation examples, public keys.
final class FalsePositiveCorpusTests: XCTestCase {
    func testTheFalsePositiveCorpusHasNoFindings() throws {
        let dir = TestSupport.fixtures.appendingPathComponent("false-positives").path
        let listed = try WorktreeSource.targets(for: [dir])
        XCTAssertGreaterThan(listed.targets.count, 10)
        var options = ScanOptions()
        options.showSecrets = true
        let result = Scanner(ruleSet: TestSupport.builtInRuleSet, options: options).scan(listed.targets)
        for f in result.findings { XCTFail("false positive: \(f.path):\(f.line) \(f.rule) \(f.secret ?? "")") }
        XCTAssertEqual(result.summary.filesScanned, listed.targets.count)
    }

    func testTheDemoProjectHasFindingsForTheSeedServices() throws {
        let dir = TestSupport.fixtures.appendingPathComponent("demo").path
        let result = Scanner(ruleSet: TestSupport.builtInRuleSet, options: ScanOptions()).scan(
            try WorktreeSource.targets(for: [dir]).targets)
        let services = Set(result.findings.map(\.service))
        for service in ["github", "codeocean", "zenodo", "zenodo-sandbox", "b2share", "anaconda", "pydio-cells"] {
            XCTAssertTrue(services.contains(service), "demo has no \(service) finding: \(services.sorted())")
        }
    }
}
