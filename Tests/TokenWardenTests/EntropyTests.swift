import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

final class EntropyTests: XCTestCase {
    func testShannonEntropy() {
        XCTAssertEqual(Entropy.shannon(""), 0)
        XCTAssertEqual(Entropy.shannon("aaaa"), 0)
        XCTAssertEqual(Entropy.shannon("ab"), 1, accuracy: 1e-9)
        XCTAssertEqual(Entropy.shannon("0123456789abcdef"), 4, accuracy: 1e-9)
    }

    func testCharacterClassPicksTheThreshold() {
        let threshold = EntropyThreshold(hex: 3.0, alphanumeric: 3.5, base64: 4.0)
        func minimum(_ s: String) -> Double { Array(s.utf8).withUnsafeBytes { threshold.minimum(for: $0) } }
        XCTAssertEqual(minimum("deadbeef0123"), 3.0)
        XCTAssertEqual(minimum("deadbeefXYZ"), 3.5)
        XCTAssertEqual(minimum("dead+beef/=="), 4.0)
    }

    func testLowEntropyCandidateIsDropped() {
        let rule = TestSupport.rule("t-ent", keywords: ["k="], regex: "k=(?<secret>[a-z0-9]{16})", entropy: 3.5)
        let rules = RuleSet([rule])
        XCTAssertTrue(TestSupport.scan("k=aabbaabbaabbaabb", rules: rules).isEmpty)
        XCTAssertEqual(TestSupport.scan("k=q8w7e6r5t4y3u2i1", rules: rules).count, 1)
    }
}
