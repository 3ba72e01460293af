import XCTest
@testable import TokenWarden

final class KeywordAutomatonTests: XCTestCase {
    private func hits(_ keywords: [String], _ text: String) -> [(String, Int)] {
        let automaton = KeywordAutomaton(keywords: keywords)
        var found: [(String, Int)] = []
        Array(text.utf8).withUnsafeBytes { bytes in
            automaton.scan(bytes) { k, end in found.append((keywords[k], end)) }
        }
        return found
    }

    func testFindsOverlappingKeywordsCaseInsensitively() {
        let found = hits(["he", "she", "hers", "GHP_"], "uShers and ghp_x")
        XCTAssertEqual(found.map(\.0), ["she", "he", "hers", "GHP_"])
        XCTAssertEqual(found.map(\.1), [4, 4, 6, 15])
    }

    func testNoKeywordNoHit() {
        XCTAssertTrue(hits(["zenodo"], "nothing to see here; zenod o").isEmpty)
    }

    func testHandlesAllByteValues() {
        let automaton = KeywordAutomaton(keywords: ["\u{7f}ab"])
        var count = 0
        let bytes: [UInt8] = Array(0...255) + [0x7F, 0x61, 0x42]
        bytes.withUnsafeBytes { automaton.scan($0) { _, _ in count += 1 } }
        XCTAssertEqual(count, 1)
    }
}
