import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// `key_check`: whether a private key found in a file needs a passphrase, read from the key's own text.
final class KeyCheckTests: XCTestCase {
    private func fixture(_ path: String) throws -> String {
        try String(contentsOf: TestSupport.fixtures.appendingPathComponent("keys/\(path)"), encoding: .utf8)
    }

    func testOpenSSHCipherNameTellsProtection() throws {
        XCTAssertEqual(KeyCheck.openssh.protection(secret: try fixture("ssh/id_ed25519")), KeyProtection.none)
        XCTAssertEqual(KeyCheck.openssh.protection(secret: try fixture("ssh/id_ed25519_protected")), .passphrase)
    }

    func testOpenSSHBodyIsReadThroughEscapesAndConcatenation() throws {
        let lines = try fixture("ssh/id_ed25519_protected").split(separator: "\n").map(String.init)
        let json = lines.joined(separator: "\\n")
        let java = lines.map { "        \"\($0)\\n\"" }.joined(separator: " +\n")
        let python = "KEY = (\n" + lines.map { "    '\($0)\\n'\n" }.joined() + ")\n"
        let jsonSlashes = json.replacingOccurrences(of: "/", with: "\\/")
        let twice = lines.joined(separator: "\\\\n"), xml = lines.joined(separator: "&#10;")
        for text in [json, java, python, jsonSlashes, twice, xml] {
            XCTAssertEqual(KeyCheck.openssh.protection(secret: text), .passphrase, text)
        }
        let plain = try fixture("ssh/id_ed25519")
        XCTAssertEqual(
            Array(plain.utf8).withUnsafeBytes { PEMBody.characters($0, limit: 1000) }.count,
            plain.split(separator: "\n").dropFirst().dropLast().joined().filter { $0 != "=" }.count, "the body's characters, padding aside")
    }

    func testOpenSSHBodyThatIsNotTheFormatSaysNothing() {
        let made =
            "-----BEGIN OPENSSH PRIVATE KEY-----\nOA1DB7d5pQhZhxpA1zog8+W5N+dxFprqDx/1zdo3++MlKaRLIUCMpsOW6NwyOm7c\n-----END OPENSSH PRIVATE KEY-----\n"
        XCTAssertNil(KeyCheck.openssh.protection(secret: made))
        XCTAssertNil(KeyCheck.openssh.protection(secret: "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"))
    }

    func testPuTTYEncryptionHeader() throws {
        let plain = try fixture("keys/deploy.ppk"), encrypted = try fixture("keys/ops.ppk")
        XCTAssertEqual(KeyCheck.ppk.protection(secret: "", match: plain), KeyProtection.none)
        XCTAssertEqual(KeyCheck.ppk.protection(secret: "", match: encrypted), .passphrase)
        let crlf = plain.replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertEqual(KeyCheck.ppk.protection(secret: "", match: crlf), KeyProtection.none)
        XCTAssertNil(KeyCheck.ppk.protection(secret: "", match: "PuTTY-User-Key-File-3: ssh-ed25519\n"))
    }

    func testPEMEncryptionMarkers() throws {
        XCTAssertEqual(KeyCheck.pem.protection(secret: try fixture("legacy.pem")), .passphrase, "Proc-Type: 4,ENCRYPTED")
        XCTAssertEqual(
            KeyCheck.pem.protection(secret: "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIHs\n-----END ENCRYPTED PRIVATE KEY-----"),
            .passphrase)
        XCTAssertEqual(KeyCheck.pem.protection(secret: try fixture("gcp-service-account.json")), KeyProtection.none)
    }

    func testOpenPGPS2KUsage() {
        let rules = TestSupport.builtInRules.first { $0.id == "private-key-pgp" }
        let examples = rules?.examples ?? []
        XCTAssertFalse(examples.isEmpty)
        for example in examples {
            XCTAssertEqual(KeyCheck.pgp.protection(secret: example.text), example.keyProtection, example.text)
        }
        XCTAssertNil(KeyCheck.pgp.protection(secret: "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nAAAA\n"))
    }

    func testProtectedKeyIsMediumAndUsableKeyHigh() throws {
        let protected = try XCTUnwrap(TestSupport.scan(try fixture("ssh/id_ed25519_protected"), path: "id_ed25519").first)
        XCTAssertEqual(protected.keyProtection, .passphrase)
        XCTAssertEqual(protected.confidence, .medium)
        XCTAssertTrue(protected.blocking, "medium still blocks by default")
        let usable = try XCTUnwrap(TestSupport.scan(try fixture("ssh/id_ed25519"), path: "id_ed25519").first)
        XCTAssertEqual(usable.keyProtection, KeyProtection.none)
        XCTAssertEqual(usable.confidence, .high)
    }

    func testKeyProtectionRoundTripsThroughJSON() throws {
        let f = try XCTUnwrap(TestSupport.scan(try fixture("keys/ops.ppk"), path: "ops.ppk").first)
        let json = try JSONEncoder().encode(f)
        XCTAssertTrue(String(decoding: json, as: UTF8.self).contains(#""key_protection":"passphrase""#))
        XCTAssertEqual(try JSONDecoder().decode(Finding.self, from: json).keyProtection, .passphrase)
    }

    func testUnknownKeyCheckIsARuleError() {
        let yaml = """
            rules:
              - id: k
                service: s
                keywords: [k]
                regex: 'k'
                key_check: rsa
            """
        XCTAssertThrowsError(try RuleLoader.parse(yaml: yaml, origin: "r.yaml")) { error in
            XCTAssertTrue("\(error)".contains("unknown key_check 'rsa' (known: pem, openssh, ppk, pgp)"), "\(error)")
        }
    }
}
