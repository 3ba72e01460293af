import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// End-to-end: private keys in every shape they are committed in (Fixtures/keys), found by the CLI
/// with the key's passphrase protection in the JSON report.
final class KeyShapeTests: CLITestCase {
    private struct Expected: Equatable, CustomStringConvertible {
        var path: String, rule: String, line: Int, protection: KeyProtection?, confidence: Confidence
        var description: String { "\(path):\(line) \(rule) \(protection?.rawValue ?? "-") \(confidence.rawValue)" }
    }

    private func scanFixtures() throws -> (run: Run, report: JSONReport.Contents) {
        let dir = try TestSupport.temporaryDirectory(self).appendingPathComponent("keys")
        try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent("keys"), to: dir)
        let r = try run(["scan", "--format", "json", "."], in: dir)
        return (r, try report(r))
    }

    func testEveryShapeIsFoundWithItsProtection() throws {
        let (r, report) = try scanFixtures()
        XCTAssertEqual(r.status, 1, r.stderr)
        let found = report.findings.map {
            Expected(path: $0.path, rule: $0.rule, line: $0.line, protection: $0.keyProtection, confidence: $0.confidence)
        }
        XCTAssertEqual(
            found,
            [
                Expected(path: "deploy/keys.py", rule: "private-key-openssh", line: 4, protection: .passphrase, confidence: .medium),
                Expected(
                    path: "gcp-service-account.json", rule: "private-key-pkcs8", line: 1, protection: KeyProtection.none, confidence: .high),
                Expected(path: "keys/deploy.ppk", rule: "putty-private-key", line: 8, protection: KeyProtection.none, confidence: .high),
                Expected(path: "keys/ops.ppk", rule: "putty-private-key", line: 13, protection: .passphrase, confidence: .medium),
                Expected(path: "legacy.pem", rule: "private-key-rsa", line: 1, protection: .passphrase, confidence: .medium),
                Expected(
                    path: "src/main/java/com/example/billing/Signer.java", rule: "private-key-rsa", line: 5, protection: KeyProtection.none,
                    confidence: .high),
                Expected(path: "ssh/id_ed25519", rule: "private-key-openssh", line: 1, protection: KeyProtection.none, confidence: .high),
                Expected(
                    path: "ssh/id_ed25519_protected", rule: "private-key-openssh", line: 1, protection: .passphrase, confidence: .medium),
                Expected(path: "wireguard/wg0.conf", rule: "wireguard-private-key", line: 4, protection: nil, confidence: .high),
                Expected(path: "wireguard/wg0.conf", rule: "wireguard-preshared-key", line: 8, protection: nil, confidence: .high),
            ], "docs/setup.md (truncated examples) and ssh/id_ed25519.pub (a public key) are not findings")
    }

    func testSecretSpansTheWholeBlockAndStaysRedacted() throws {
        let (r, report) = try scanFixtures()
        let java = try XCTUnwrap(report.findings.first { $0.path.hasSuffix("Signer.java") })
        XCTAssertEqual(java.column, 10, "the secret starts at -----BEGIN, inside the first string literal")
        XCTAssertGreaterThan(java.endLine, java.line + 10, "and ends at -----END, lines later")
        let python = try XCTUnwrap(report.findings.first { $0.path == "deploy/keys.py" })
        XCTAssertEqual(python.column, 6)
        let ppk = try XCTUnwrap(report.findings.first { $0.path == "keys/deploy.ppk" })
        XCTAssertEqual(ppk.length, 48, "the .ppk secret is its Private-Lines")
        for key in ["b3BlbnNzaC1rZXktdjE", "AAAAIF/wme1o9Ybt33FWEadu1e1nMfyHk8vfV4"] {
            XCTAssertFalse(r.stdout.contains(key), "no key material in the report without --show-secrets")
        }
        XCTAssertTrue(r.stdout.contains(#""key_protection" : "passphrase""#), r.stdout)
    }

    func testTextReportTagsProtection() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        try FileManager.default.copyItem(
            at: TestSupport.fixtures.appendingPathComponent("keys/ssh/id_ed25519_protected"), to: dir.appendingPathComponent("id_ed25519"))
        let r = try run(["scan", "."], in: dir)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stdout.contains("id_ed25519:1:1: private-key-openssh (private-key) "), r.stdout)
        XCTAssertTrue(r.stdout.contains("[medium, passphrase-protected]"), r.stdout)
    }
}
