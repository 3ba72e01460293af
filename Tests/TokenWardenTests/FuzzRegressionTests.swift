import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// Inputs the fuzzers (fuzz/) found crashing, kept so the bugs stay fixed. Each parser must
/// return a value or throw a one-line InputError.
final class FuzzRegressionTests: XCTestCase {
    private func input(_ name: String) throws -> String {
        let url = TestSupport.fixtures.appendingPathComponent("fuzz-regressions/\(name)")
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    private func assertOneLineError(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) {
        do {
            try body()
        } catch let error as InputError {
            XCTAssertFalse(error.description.contains("\n"), error.description, file: file, line: line)
        } catch {
            XCTFail("unexpected error type: \(error)", file: file, line: line)
        }
    }

    /// FuzzRuleParser: a quoted value with a newline put a line break into the error message.
    func testRuleParserErrorWithANewlineInAValue() throws {
        let text = try input("rule-parser-multiline-error")
        assertOneLineError { _ = try RuleLoader.parse(yaml: text, origin: "fuzz") }
        assertOneLineError {
            _ = try RuleLoader.parse(
                yaml: "rules:\n  - id: a\n    service: s\n    keywords: [k]\n    regex: x\n    confidence: \"high\\nlow\"\n", origin: "r")
        }
        assertOneLineError { _ = try Config.parse("fail_on: {confidence: \"a\\nb\"}\n", origin: "c") }
        // FuzzConfigParser: the same bug through allow.fingerprints.
        let config = try input("config-parser-multiline-error")
        assertOneLineError { _ = try Config.parse(config, origin: "fuzz") }
        assertOneLineError {
            _ = try TokenStore.parse(
                "version: 1\ntokens:\n  - {id: \"x\\ny\", service: s, fingerprint: bad, length: 1, created: 2026-01-01, expires: never}\n",
                origin: "s")
        }
    }
}
