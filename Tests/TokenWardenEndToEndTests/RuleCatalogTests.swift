import Foundation
import TokenWardenTestSupport
import XCTest

/// `docs/RULES.md` is the output of `tokenwarden rules list --format markdown` for the built-in
/// rules; a rule change that does not regenerate it (`make rules-doc`) fails here.
final class RuleCatalogTests: CLITestCase {
    func testRulesDocumentIsUpToDate() throws {
        let r = try run(["rules", "list", "--format", "markdown"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let committed = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("docs/RULES.md"), encoding: .utf8)
        XCTAssertTrue(committed == r.stdout, "docs/RULES.md is stale: run `make rules-doc` and commit it")
    }

    func testEveryRuleIsListedWithItsDocumentation() throws {
        let markdown = try run(["rules", "list", "--format", "markdown"]).stdout
        let text = try run(["rules", "list"]).stdout
        for line in text.split(separator: "\n") {
            let id = line.split(separator: " ")[0]
            XCTAssertTrue(markdown.contains("| `\(id)` |"), "\(id) missing from the markdown")
        }
        XCTAssertTrue(markdown.contains("[docs](https://docs.github.com/"), "a rule's references are linked")
    }

    /// Keystores and registered tokens are found by code, not by a rule file; their findings still name
    /// a rule, and a user looking it up must find it.
    func testRulesFoundByCodeAreListed() throws {
        let text = try run(["rules", "list"]).stdout
        let ids = Set(text.split(separator: "\n").map { String($0.split(separator: " ")[0]) })
        for id in ["keystore-pkcs12", "keystore-jks", "keystore-jceks", "keystore-bks", "registered-token"] {
            XCTAssertTrue(ids.contains(id), "\(id) missing from rules list")
        }
        let bare = try run(["rules", "list", "--no-builtin-rules"])
        XCTAssertFalse(bare.stdout.contains("keystore-jks"), "--no-builtin-rules lists no built-in detector")
    }
}
