import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// Keystores are found by their magic bytes, whatever their name, and reported whole.
/// Fixtures/keystores: one EC key made with `openssl pkcs12 -export`, converted with `keytool -importkeystore`.
final class KeystoreTests: CLITestCase {
    func testKeystoresByMagicBytesNotByName() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        for name in ["server.p12", "server.jks", "server.jceks", "cert.bin", "notes.p12"] {
            try FileManager.default.copyItem(
                at: TestSupport.fixtures.appendingPathComponent("keystores/\(name)"), to: dir.appendingPathComponent(name))
        }
        let r = try run(["scan", "--format", "json", "--verbose"], in: dir)
        XCTAssertEqual(r.status, 1, r.stderr)
        let findings = try report(r).findings
        XCTAssertEqual(findings.map(\.path), ["cert.bin", "server.jceks", "server.jks", "server.p12"])
        XCTAssertEqual(findings.map(\.rule), ["keystore-pkcs12", "keystore-jceks", "keystore-jks", "keystore-pkcs12"])
        XCTAssertEqual(Set(findings.map(\.kind)), [.keystore])
        XCTAssertEqual(findings.first?.redacted, "PKCS#12 keystore (1.1 KiB)")
        XCTAssertEqual(findings[0].fingerprint, findings[3].fingerprint, "same bytes, same fingerprint")
        XCTAssertEqual(findings[0].length, 1117)
        XCTAssertFalse(r.stdout.contains("notes.p12"), "a text file named .p12 is scanned as text and is clean")
    }

    func testKeystoreInsideAnArchive() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        let p12 = TestSupport.fixtures.appendingPathComponent("keystores/server.p12")
        try FileManager.default.copyItem(at: p12, to: dir.appendingPathComponent("server.p12"))
        let zip = try Self.execute("/usr/bin/env", ["zip", "-q", "certs.zip", "server.p12"], in: dir, stdin: nil, environment: [:])
        try XCTSkipIf(zip.status != 0, "zip is not installed")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("server.p12"))
        let r = try run(["scan", "--format", "json"], in: dir)
        XCTAssertEqual(try report(r).findings.map(\.path), ["certs.zip!server.p12"])
    }
}
