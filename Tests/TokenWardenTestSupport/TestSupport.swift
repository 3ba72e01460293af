// Test helpers: compiled only where XCTest exists, and only in debug builds (where `@testable import`
// works): a plain `swift build -c release`, which pre-commit's language: swift hook runs, builds every
// target of the package, this one included, and must not need XCTest or testability.
#if canImport(XCTest) && DEBUG
import Foundation
import XCTest

@testable import TokenWarden

/// Paths and helpers shared by the tests.
public enum TestSupport {
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let fixtures = packageRoot.appendingPathComponent("Fixtures")

    public static let builtInRules: [Rule] = {
        do { return try RuleLoader.builtIn() } catch { fatalError("built-in rules do not load: \(error)") }
    }()

    public static let builtInRuleSet = RuleSet(builtInRules)

    public static func scan(_ text: String, path: String = "file.txt", rules: RuleSet = builtInRuleSet, showSecrets: Bool = true)
        -> [Finding]
    {
        // As the pipeline would, without a store: match, build findings, decide blocking.
        var result = ScanResult()
        result.findings = FindingBuilder(ruleSet: rules, showSecrets: showSecrets)
            .scan(Blob(bytes: Array(text.utf8), provenance: Provenance(path: path)), with: Matcher(ruleSet: rules))
        BlockingPolicy().apply(to: &result)
        return result.findings
    }

    public static func rule(_ id: String, keywords: [String], regex: String, generic: Bool = false, entropy: Double? = nil) -> Rule {
        Rule(id: id, service: "test", keywords: keywords, regex: regex, entropy: entropy.map(EntropyThreshold.init(all:)), generic: generic)
    }

    /// A fresh temporary directory, removed when the test ends.
    public static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tokenwarden-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
#endif
