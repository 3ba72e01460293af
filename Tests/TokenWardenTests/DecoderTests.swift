import Foundation
import XCTest

@testable import TokenWarden

/// The decoders' candidate runs and decodings, byte for byte.
final class DecoderTests: XCTestCase {
    private func runs(_ decoder: some LayerDecoder, _ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { buffer in
            decoder.candidates(in: buffer).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
    }

    private func decode(_ decoder: some LayerDecoder, _ text: String) -> String? {
        Array(text.utf8).withUnsafeBytes { decoder.decode($0, limit: .max) }.map { String(decoding: $0, as: UTF8.self) }
    }

    func testBase64RunsFollowWrappedLinesAndPadding() {
        let long = Data(repeating: 0x41, count: 120).base64EncodedString(options: .lineLength76Characters)
        XCTAssertEqual(runs(Base64Decoder(), "x = \(long)\ny"), [long])
        XCTAssertEqual(runs(Base64Decoder(), "a: cGFzc3dvcmQxMjM0NQ== short: YWJj"), ["cGFzc3dvcmQxMjM0NQ=="])
        XCTAssertEqual(decode(Base64Decoder(), "cGFzc3dvcmQxMjM0NQ=="), "password12345")
        XCTAssertEqual(decode(Base64Decoder(), "Pz8_Pz8-Pj4"), "?????>>>", "URL-safe alphabet")
    }

    func testHexRunsAreWholeWordsOfEvenLength() {
        let hex = "4749544855425f544f4b454e3d676870"
        XCTAssertEqual(runs(HexDecoder(), "k=\(hex) g\(hex) \(hex)1"), [hex, hex])
        XCTAssertEqual(decode(HexDecoder(), hex), "GITHUB_TOKEN=ghp")
    }

    func testPercentRunsStartAtTheURLScheme() {
        XCTAssertEqual(runs(PercentDecoder(), "URL=https://h.example/?q=a%20b&t=x%3Dy end"), ["https://h.example/?q=a%20b&t=x%3Dy"])
        XCTAssertEqual(runs(PercentDecoder(), "no escapes here at all, 100% sure"), [])
        XCTAssertEqual(decode(PercentDecoder(), "p%40ss%2Fword%zz"), "p@ss/word%zz")
    }

    func testEscapeRunsAreQuotedStringsWithEscapes() {
        XCTAssertEqual(runs(EscapeDecoder(), #"{"a": "plain string here", "b": "line one\nline two"}"#), [#"line one\nline two"#])
        XCTAssertEqual(decode(EscapeDecoder(), #"a\"b\/c\\d\u0041\ud83d\ude00\x41\q"#), "a\"b/c\\dA\u{1F600}A\\q")
    }

    func testOnlyMostlyPrintableOutputCounts() {
        XCTAssertTrue(PrintableText.isMostlyPrintable(Array("user:password\n".utf8)))
        XCTAssertFalse(PrintableText.isMostlyPrintable([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        XCTAssertFalse(PrintableText.isMostlyPrintable(Array("ab\0cdefgh".utf8)))
    }

    func testKeystoreMagicNeedsTheWholeHeader() {
        XCTAssertNil(KeystoreDetector.detect(Array(repeating: 0x30, count: 64)))
        XCTAssertNil(KeystoreDetector.detect([0xFE, 0xED, 0xFE, 0xED]), "too short to be a keystore")
        let der: [UInt8] = [
            0x30, 0x82, 0x04, 0x59, 0x02, 0x01, 0x03, 0x30, 0x82, 0x04, 0x0F, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07,
            0x01,
        ]
        XCTAssertEqual(KeystoreDetector.detect(der + Array(repeating: 0, count: 32))?.rule, "keystore-pkcs12")
        var version2 = der
        version2[6] = 0x02
        XCTAssertNil(KeystoreDetector.detect(version2 + Array(repeating: 0, count: 32)), "PFX version 3 only")
    }
}
