import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

final class ChecksumTests: XCTestCase {
    func testCRC32MatchesTheStandardCheckValue() {
        let bytes = Array("123456789".utf8)
        XCTAssertEqual(bytes.withUnsafeBytes { CRC32.checksum($0) }, 0xCBF4_3926)
    }

    func testBase62PadsToWidth() {
        XCTAssertEqual(String(decoding: Base62.encode(0, width: 6), as: UTF8.self), "000000")
        XCTAssertEqual(String(decoding: Base62.encode(61, width: 6), as: UTF8.self), "00000z")
        XCTAssertEqual(String(decoding: Base62.encode(62, width: 6), as: UTF8.self), "000010")
    }

    func testGitHubTokenChecksum() {
        let check = Checksum.githubCRC32
        XCTAssertTrue(check.verify("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"))
        XCTAssertTrue(check.verify("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"))
        XCTAssertFalse(check.verify("ghp_1vq0VtprV1O2aGvuBtxCktBgWsRjjU2PYhBb"), "last character changed")
        XCTAssertFalse(check.verify("ghp_2vq0VtprV1O2aGvuBtxCktBgWsRjjU2PYhBa"), "body changed")
        XCTAssertFalse(check.verify("ghp_short"))
    }

    func testInvalidChecksumIsLowConfidenceAndNotBlocking() throws {
        let findings = TestSupport.scan("GITHUB_TOKEN=ghp_1vq0VtprV1O2aGvuBtxCktBgWsRjjU2PYhBb")
        let f = try XCTUnwrap(findings.first { $0.rule == "github-pat-classic" })
        XCTAssertEqual(f.checksum, .invalid)
        XCTAssertEqual(f.confidence, .low)
        XCTAssertFalse(f.blocking)
    }

    func testValidChecksumBlocks() throws {
        let f = try XCTUnwrap(TestSupport.scan("GITHUB_TOKEN=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").first)
        XCTAssertEqual(f.checksum, .valid)
        XCTAssertEqual(f.confidence, .high)
        XCTAssertTrue(f.blocking)
    }
}
