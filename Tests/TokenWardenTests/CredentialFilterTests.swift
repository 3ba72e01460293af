import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// The value filters of key-anchored credential rules, the `low_in` contexts, and how rule files
/// name them.
final class CredentialFilterTests: XCTestCase {
    private func verdict(_ value: String, _ filter: ValueFilter = .password, match: String? = nil) -> Decoys.CredentialVerdict {
        let whole = Array((match ?? value).utf8)
        // In a URL match the secret is the password between `user:` and `@host`.
        let start = match.flatMap { m in m.range(of: ":\(value)@").map { m.utf8.distance(from: m.startIndex, to: $0.lowerBound) + 1 } } ?? 0
        return whole.withUnsafeBytes { buf in
            let secret = UnsafeRawBufferPointer(rebasing: buf[start..<(start + value.utf8.count)])
            return Decoys.credentialVerdict(filter, secret: secret, match: buf)
        }
    }

    func testPasswordDecoysAreDropped() {
        for value in [
            "${DB_PASSWORD}", "$DB_PASSWORD", "%DB_PASSWORD%", "{{ vault_password }}", "<%= ENV['X'] %>", "!Ref DbPassword",
            "env(DB_PASSWORD)", "getenv('X')", "os.environ['X']", "process.env.X", "secrets.DB_PASSWORD", "GetToken(sid)",
            "self.password", "params[:password]", "DB_PASSWORD", "db_password", "changeme", "Password", "PASSWORD", "string",
            "null", "false", "Enter your password", "Mot de passe", "Passwort:", "/run/secrets/db_password", "~/.pgpass",
            "pbkdf2_sha256$600000$abc$def", "aaaaaa", "ababab", "mypassword", "1234567",
        ] {
            XCTAssertEqual(verdict(value), .decoy, value)
        }
    }

    func testRealPasswordsPassAndSamplesAreFlagged() {
        for value in ["hT4!mQ9z#Lw2", "Vb8nM2kLq7", "correct horse battery staple 42", "Summer-2024-x"] {
            XCTAssertEqual(verdict(value), .credential, value)
        }
        for value in ["mypass", "secret123", "Password123", "test_password1", "admin123!", "20240101"] {
            XCTAssertEqual(verdict(value), .sample, value)
        }
    }

    func testURLCredentialsForLocalHostsAreExamples() {
        XCTAssertEqual(verdict("mypass", .url, match: "postgres://myuser:mypass@localhost"), .sample)
        XCTAssertEqual(verdict("Xk29dLq8", .url, match: "postgres://myuser:Xk29dLq8@localhost"), .sample)
        XCTAssertEqual(verdict("Xk29dLq8", .url, match: "postgres://app:Xk29dLq8@localhost"), .localExample)
        XCTAssertEqual(verdict("Xk29dLq8", .url, match: "postgres://app:Xk29dLq8@db.prod.acme.io"), .credential)
        XCTAssertEqual(verdict("password", .url, match: "postgres://app:password@db.prod.acme.io"), .decoy)
    }

    func testContexts() {
        XCTAssertTrue(SourceContext.isDocumentation("docs/setup.md"))
        XCTAssertTrue(SourceContext.isDocumentation(".env.example"))
        XCTAssertFalse(SourceContext.isDocumentation("notes.txt"))
        XCTAssertFalse(SourceContext.isDocumentation("ops/credentials.txt"))
        for path in ["tests/conf.yml", "spec/fixtures/users.yml", "pkg/db_test.go", "test_login.py", "src/app.spec.ts", "testdata/x"] {
            XCTAssertTrue(SourceContext.isTest(path), path)
        }
        for path in ["src/contest.py", "latest/config.yml", "attestation.go"] { XCTAssertFalse(SourceContext.isTest(path), path) }
        for before in ["# DATABASE_URL=", "  // url: ", "-- ", "<!-- ", "x = 1  # "] {
            XCTAssertTrue(SourceContext.isComment(Array(before.utf8)), before)
        }
        for before in ["#!/bin/sh ", "DATABASE_URL=postgres://", "mysql --password="] {
            XCTAssertFalse(SourceContext.isComment(Array(before.utf8)), before)
        }
    }

    func testPasswordsHaveNoPublicPrefix() throws {
        let rule = try XCTUnwrap(TestSupport.builtInRules.first { $0.id == "password-assignment" })
        XCTAssertEqual(PublicPrefix(rule: rule).length(in: Array("password-Kx9q2Lm".utf8)), 0)
        let f = try XCTUnwrap(TestSupport.scan("secret = \"pass-Kx9qW2Lm7vB\"", path: "app.py").first)
        XCTAssertEqual(f.kind, .password)
        XCTAssertFalse(f.redacted.hasPrefix("pass"), f.redacted)
    }

    func testRuleFilesNameFiltersAndContexts() throws {
        let rules = try RuleLoader.parse(
            yaml: """
                rules:
                  - id: a
                    service: s
                    keywords: [k]
                    regex: x
                    value_filter: url
                    low_in: [tests, comments]
                  - id: b
                    service: s
                    keywords: [k]
                    regex: x
                    generic: true
                """, origin: "r.yaml")
        XCTAssertEqual(rules[0].valueFilter, .url)
        XCTAssertEqual(rules[0].lowIn, [.tests, .comments])
        XCTAssertEqual(rules[1].lowIn, [.docs], "catch-all rules are low in documentation by default")
        for (key, message) in [
            ("value_filter: pin", "value_filter must be one of password, url"), ("low_in: [wiki]", "low_in entries must be"),
        ] {
            XCTAssertThrowsError(
                try RuleLoader.parse(
                    yaml: "rules:\n  - id: a\n    service: s\n    keywords: [k]\n    regex: x\n    \(key)\n", origin: "r.yaml")
            ) { XCTAssertTrue("\($0)".contains(message), "\($0)") }
        }
    }
}
