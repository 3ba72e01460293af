import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// Passwords found by their key name and password hashes, across the syntaxes of a realistic
/// project (Fixtures/passwords): exactly which findings, with rule, line and kind, and which
/// decoys beside them (variable references, dummy words, labels, code, file paths, locked
/// accounts) produce nothing.
final class PasswordDetectionTests: CLITestCase {
    /// The fixture tree copied out of `Fixtures/` (a fixtures directory is a test context, where
    /// passwords are low confidence) into a plain directory, scanned from inside.
    private func scanFixtures(_ extra: [String] = []) throws -> (Run, [Finding]) {
        let dir = try TestSupport.temporaryDirectory(self).appendingPathComponent("project")
        try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent("passwords"), to: dir)
        let r = try run(["scan", "--format", "json", "--show-secrets", "."] + extra, in: dir)
        return (r, try report(r).findings)
    }

    func testEverySyntaxIsFoundWithItsRuleLineAndKind() throws {
        let (r, findings) = try scanFixtures()
        XCTAssertEqual(r.status, 1, r.stderr)
        let got = findings.map { "\($0.path):\($0.line) \($0.rule) \($0.kind.rawValue) \($0.confidence.rawValue)" }
        XCTAssertEqual(
            got,
            [
                ".env:3 password-assignment-unquoted password medium",
                ".htpasswd:1 htpasswd-hash password-hash high",
                ".htpasswd:2 htpasswd-hash password-hash high",
                ".pgpass:2 pgpass-password password medium",
                "application.properties:3 password-assignment-unquoted password medium",
                "config.php:3 password-call-argument password medium",
                "config.php:6 password-assignment password medium",
                "db.go:11 password-assignment password medium",
                "docker-compose.yml:5 password-assignment-unquoted password medium",
                "etc/shadow:1 shadow-password-hash password-hash high",
                "etc/shadow:4 shadow-password-hash password-hash high",
                "my.cnf:3 password-assignment-unquoted password medium",
                "notes.txt:1 password-assignment-unquoted password medium",
                "redis.conf:3 redis-requirepass password medium",
                "settings.py:6 password-assignment password medium",
                "settings.py:10 postgres-connection-url password low",
                "settings.xml:6 password-xml-element password medium",
                "tests/test_login.py:2 password-assignment password low",
            ], got.joined(separator: "\n"))
        let secrets = Dictionary(findings.map { ("\($0.path):\($0.line)", $0.secret ?? "") }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(secrets[".env:3"], "hT4!mQ9z#Lw2")
        XCTAssertEqual(secrets["config.php:3"], "Xp9!mRt4Lw")
        XCTAssertEqual(secrets[".pgpass:2"], "Vr8!nKq2Lm")
        XCTAssertEqual(secrets["settings.xml:6"], "Nx7!kPq2Wz")
        // Sample credentials in a comment and passwords in tests are reported, never blocking.
        for f in findings where f.confidence == .low { XCTAssertFalse(f.blocking, "\(f.path):\(f.line)") }
    }

    func testDecoysBesideTheSecretsProduceNothing() throws {
        let (_, findings) = try scanFixtures()
        let reported = Set(findings.map { "\($0.path):\($0.line)" })
        let decoys = [
            ".env:4",  // ${REDIS_PASSWORD}
            ".env:5",  // empty
            "docker-compose.yml:9",  // --requirepass "${REDIS_PASSWORD}"
            "docker-compose.yml:12",  // changeme
            "docker-compose.yml:13",  // a *_FILE key's path
            "application.properties:1",  // a JDBC URL without a password
            "application.properties:4",  // ${MAIL_PASSWORD}
            "settings.xml:11",  // ${env.NEXUS_PASSWORD}
            "config.php:7",  // the label 'Password'
            "config.php:9",  // getenv(...)
            "settings.py:8",  // os.environ[...]
            "settings.py:11",  // your_password_here
            "settings.py:12",  // a prompt
            "db.go:5",  // a struct field's type
            "db.go:9",  // GetToken(sid)
            ".pgpass:1", ".pgpass:3",  // the header comment, changeme
            "redis.conf:2",  // commented-out default
            "etc/shadow:2", "etc/shadow:3",  // locked accounts
        ]
        for decoy in decoys { XCTAssertFalse(reported.contains(decoy), "decoy reported: \(decoy)") }
    }

    func testSecretsInTestsAndDocumentationDoNotBlock() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        try write("DB_PASSWORD=hT4!mQ9z#Lw2\n", to: "docs/setup.md", in: dir)
        try write("password: \"Wr7kLp2vQx\"\n", to: "spec/fixtures/users.yml", in: dir)
        try write("Connect with postgres://myuser:mypass@localhost/mydb\n", to: "README.md", in: dir)
        try write("# DATABASE_URL=postgres://app:Xk29dLq8vB3n@localhost/app\n", to: "config/env.sh", in: dir)
        let r = try run(["scan", "--format", "json", "."], in: dir)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        let findings = try report(r).findings
        XCTAssertEqual(findings.count, 4, r.stdout)
        XCTAssertEqual(Set(findings.map(\.confidence)), [.low])
    }

    func testATextFileIsNotDocumentation() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        try write("SECRET_KEY = 'k7Qp2Lx9Vw4Rt8Zm3Nc6Bv1H'\nstaging password: Wq5eRt7yUi\n", to: "credentials.txt", in: dir)
        let r = try run(["scan", "--format", "json", "."], in: dir)
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertEqual(try report(r).findings.map(\.confidence), [.medium, .medium])
    }
}
