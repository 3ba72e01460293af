import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

final class KeywordAutomatonTests: XCTestCase {
    private func hits(_ keywords: [String], _ text: String) -> [String] {
        let automaton = KeywordAutomaton(keywords: keywords)
        var found: [String] = []
        Array(text.utf8).withUnsafeBytes { bytes in
            automaton.scan(bytes) { k, _ in found.append(keywords[k]) }
        }
        return found
    }

    func testFindsOverlappingKeywordsCaseInsensitively() {
        XCTAssertEqual(hits(["he", "she", "hers", "GHP_"], "uShers and ghp_x"), ["she", "he", "hers", "GHP_"])
    }

    func testKeywordsAcrossLaneBoundariesOfLargeInputs() {
        // Large inputs are walked in four lanes; put keywords on and around every boundary.
        let size = 40_000, segment = size / 4
        for offset in [-7, -3, -1, 0, 1] {
            var bytes = [UInt8](repeating: UInt8(ascii: "."), count: size)
            for boundary in [segment, 2 * segment, 3 * segment, size - 8] {
                let at = boundary + offset
                bytes.replaceSubrange(at..<(at + 7), with: Array("zenodo!".utf8))
            }
            var count = 0
            bytes.withUnsafeBytes {
                KeywordAutomaton(keywords: ["zenodo"]).scan($0) { _, end in
                    count += 1; XCTAssertEqual(bytes[end - 6], UInt8(ascii: "z"))
                }
            }
            XCTAssertGreaterThanOrEqual(count, 4, "offset \(offset)")
        }
        var tail = [UInt8](repeating: UInt8(ascii: "."), count: size)
        tail.replaceSubrange((size - 6)..<size, with: Array("ZENODO".utf8))
        var seen = false
        tail.withUnsafeBytes { KeywordAutomaton(keywords: ["zenodo"]).scan($0) { _, end in seen = end == size } }
        XCTAssertTrue(seen)
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
