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

    /// Seen on outside code (ansible, airflow, django, sqlalchemy sources): values that look like a
    /// password to the key-anchored rules but are labels, tags, code or set-up defaults.
    func testOutsideCodeDecoys() {
        for value in ["Κωδικός", "पासवर्ड", "รหัสผ่าน", "!Ref", "!vault", "!GetAtt", "config.database.password", "tiger"] {
            XCTAssertEqual(verdict(value), .decoy, value)
        }
        // A quoted value that starts with `!` and a password with a dot are passwords, not tags or paths.
        for value in ["!lJ_eqDzjqRk6SYf", "eMyJTVQmey7WuA.P"] {
            XCTAssertEqual(verdict(value), .credential, value)
        }
        // A password repeating the host or the database, and `my-` sample hosts and users, are samples.
        XCTAssertEqual(verdict("airflow", .url, match: "postgresql+asyncpg://postgres:airflow@postgres/airflow"), .sample)
        XCTAssertEqual(verdict("Pq8zR2vLk", .url, match: "postgres://my-login:Pq8zR2vLk@my-host:5432/app"), .sample)
        XCTAssertEqual(verdict("Pq8zR2vLk", .url, match: "postgres://app:Pq8zR2vLk@db.internal:5432/orders"), .credential)
    }

    func testCatchAllDecoysOfCode() {
        func reason(_ secret: String) -> String? {
            Array(secret.utf8).withUnsafeBytes { Decoys.reason(secret: $0, match: $0, generic: true) }
        }
        XCTAssertNotNil(reason("this.lineCharOffset===0"), "a comparison is code")
        XCTAssertNotNil(reason("PKCS11_DEFAULT_PROMPT"), "a constant's name")
        XCTAssertNotNil(reason("FORBIDDEN_VALUE2"), "a constant's name")
        XCTAssertNotNil(reason("test/20260804/eu-west-1/secretsmanager/aws4_request"), "a SigV4 credential scope")
        XCTAssertNil(reason("Yh3Jk8Lm2Np7Qr4St9Vw=="), "base64 padding at the end is no comparison")
        XCTAssertNil(reason("AB12CD34EF56GH78"), "upper-case tokens without words are not constant names")
    }

    func testTemplateArgumentsAndTranslationCatalogues() {
        let text = "ansible_password: \"{{ lookup('hashi_vault', 'secret=kv/db:password') }}\""
        let argument = text.utf8.distance(from: text.utf8.startIndex, to: text.range(of: "secret=")!.lowerBound)
        Array(text.utf8).withUnsafeBytes { buf in
            XCTAssertTrue(Decoys.isInsideTemplate(buf, before: argument))
            XCTAssertFalse(Decoys.isInsideTemplate(buf, before: 0), "the key itself is outside the template")
        }
        XCTAssertTrue(SourceContext.isTranslation("src/airflow/ui/public/i18n/locales/ca/admin.json"))
        XCTAssertTrue(SourceContext.isTranslation("app/locale/fr/LC_MESSAGES/django.po"))
        XCTAssertFalse(SourceContext.isTranslation("config/settings.json"))
        XCTAssertTrue(FindingBuilder.namesAFolder(Array("airflow".utf8), of: "src/airflow/utils/db.py"))
        XCTAssertFalse(
            FindingBuilder.namesAFolder(Array("db.py".utf8), of: "src/airflow/utils/db.py"), "the file's own name is not a folder")
    }
}
