import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

final class RuleLoaderTests: XCTestCase {
    private func error(_ yaml: String) -> String {
        do {
            _ = try RuleLoader.parse(yaml: yaml, origin: "r.yaml")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    private let valid = """
        rules:
          - id: acme-key
            service: acme
            keywords: [acme_]
            regex: 'acme_[a-z0-9]{16}'
        """

    func testParsesAValidRule() throws {
        let rules = try RuleLoader.parse(yaml: valid, origin: "r.yaml")
        XCTAssertEqual(rules.map(\.id), ["acme-key"])
        XCTAssertEqual(rules[0].confidence, .medium)
        XCTAssertEqual(rules[0].origin, "r.yaml")
    }

    func testVerifyDocumentsTheLiveCheck() throws {
        let rules = try RuleLoader.parse(
            yaml: valid + """

                    verify:
                      endpoint: GET https://api.acme.example/user
                      valid: 200 with the account's login.
                      invalid: 401.
                """, origin: "r.yaml")
        XCTAssertEqual(
            rules[0].verify,
            RuleVerification(endpoint: "GET https://api.acme.example/user", valid: "200 with the account's login.", invalid: "401."))
        XCTAssertTrue(RuleCatalog.markdown(rules).contains("- `acme-key`: `GET https://api.acme.example/user`. Valid: 200"))
        XCTAssertNil(try RuleLoader.parse(yaml: valid, origin: "r.yaml")[0].verify)
        for bad in ["endpoint: https://x.example", "endpoint: GET http://x.example", "endpoint: FETCH https://x.example"] {
            XCTAssertTrue(
                error(valid + "\n    verify: {\(bad), valid: a, invalid: b}").contains("verify endpoint must be a method and an https URL"),
                bad)
        }
        XCTAssertTrue(error(valid + "\n    verify: {endpoint: GET https://x.example, valid: a}").contains("missing required key 'invalid'"))
        XCTAssertTrue(error(valid + "\n    verify: {endpoint: GET https://x.example, valid: a, invalid: b, how: c}").contains("how"))
    }

    func testMalformedInputsGiveOneLineErrors() {
        let cases: [(String, String)] = [
            ("rules: [\n  - id: x\n", "malformed YAML"),
            (valid + "\n    colour: blue", "unknown key 'colour'"),
            ("rules:\n  - id: a\n    service: s\n    keywords: [k]\n", "missing required key 'regex'"),
            ("rules:\n  - id: a\n    service: s\n    regex: x\n", "needs 'keywords' or a 'path'"),
            (valid + "\n    confidence: extreme", "confidence must be low, medium or high"),
            (valid + "\n    checksum: luhn", "unknown checksum 'luhn'"),
            (valid + "\n    entropy: lots", "entropy must be a number"),
            ("rulez: []", "unknown key 'rulez'"),
            ("rules:\n  - id: Bad Id\n    service: s\n    keywords: [k]\n    regex: x\n", "must be lower-case"),
            ("- just\n- a list", "must be a mapping"),
            (valid + "\n    references: ['http://acme.example/docs']", "reference 'http://acme.example/docs' must be an https URL"),
            (valid + "\n    references: ['docs/acme.md']", "must be an https URL"),
            (valid + "\n    aliases: [acme-key]", "not the rule's own id"),
            (valid + "\n    aliases: ['Old Key']", "alias 'Old Key' must be a former id"),
        ]
        for (yaml, expected) in cases {
            let message = error(yaml)
            XCTAssertTrue(message.contains(expected), "\(expected) not in: \(message)")
            XCTAssertFalse(message.contains("\n"), "multi-line error: \(message)")
            XCTAssertTrue(message.hasPrefix("r.yaml"), message)
        }
    }

    func testDuplicateIDsAreRejected() throws {
        let rules = try RuleLoader.parse(yaml: valid, origin: "a.yaml") + RuleLoader.parse(yaml: valid, origin: "b.yaml")
        XCTAssertThrowsError(try RuleLoader.checkUniqueIDs(rules)) { error in
            XCTAssertTrue("\(error)".contains("duplicate rule id 'acme-key'"))
        }
    }

    func testReferencesAndAliases() throws {
        let rules = try RuleLoader.parse(
            yaml: valid + "\n    aliases: [acme-token]\n    references: ['https://acme.example/docs/tokens']", origin: "r.yaml")
        XCTAssertEqual(rules[0].aliases, ["acme-token"])
        XCTAssertEqual(rules[0].references, ["https://acme.example/docs/tokens"])
        let ids = RuleIDs(rules)
        XCTAssertEqual(ids.currentID(of: "acme-token"), "acme-key")
        XCTAssertEqual(ids.currentID(of: "acme-key"), "acme-key")
        XCTAssertNil(ids.currentID(of: "other"))
        // A former id may not be another rule's id, nor another rule's former id.
        let renamed = try RuleLoader.parse(
            yaml: valid.replacingOccurrences(of: "acme-key", with: "acme-new") + "\n    aliases: [acme-key]", origin: "b.yaml")
        XCTAssertThrowsError(try RuleLoader.checkUniqueIDs(RuleLoader.parse(yaml: valid, origin: "a.yaml") + renamed)) { error in
            XCTAssertTrue("\(error)".contains("duplicate rule id 'acme-key'"), "\(error)")
        }
    }

    func testBadRegexIsAReportedRuleFailure() throws {
        var rule = try XCTUnwrap(RuleLoader.parse(yaml: valid, origin: "r.yaml").first)
        rule.regex = "acme_(["
        let (failures, _) = RuleCheck.run([rule])
        XCTAssertTrue(failures.first?.message.contains("regex") ?? false)
    }

    func testExampleMapForm() throws {
        let yaml =
            valid + """

                    examples:
                      - text: 'acme_q8w7e6r5t4y3u2i1'
                        path: conf/acme
                        secret: acme_q8w7e6r5t4y3u2i1
                    negative_examples: ['acme_short']
                """
        let rule = try XCTUnwrap(RuleLoader.parse(yaml: yaml, origin: "r.yaml").first)
        XCTAssertEqual(rule.examples, [RuleExample(text: "acme_q8w7e6r5t4y3u2i1", path: "conf/acme", secret: "acme_q8w7e6r5t4y3u2i1")])
        XCTAssertTrue(RuleCheck.run([rule]).failures.isEmpty)
    }
}
