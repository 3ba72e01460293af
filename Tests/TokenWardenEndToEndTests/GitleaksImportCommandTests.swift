import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// `tokenwarden import gitleaks`, then scans with what it wrote: the imported rules find what the
/// gitleaks rules find, and allow what they allow.
final class GitleaksImportCommandTests: CLITestCase {
    // Written from gitleaks' documented format (README "Configuration", config/gitleaks.toml's rules).
    static let config = """
        title = "Team gitleaks config"

        [extend]
        useDefault = true
        disabledRules = ["generic-api-key"]

        [[rules]]
        id = "zorblat-api-token"
        description = "Zorblat API token"
        regex = '''(?i)\\b(zbt_[a-f0-9]{32})(?:['|\\"|\\n|\\r|\\s|\\x60|;]|$)'''
        entropy = 3
        keywords = ["zbt_"]
        tags = ["key", "Zorblat"]
            [[rules.allowlists]]
            description = "our test fixtures"
            paths = ['''(^|/)test/''']

        [[rules]]
        id = "acme-key"
        description = "Acme key, after its name"
        regex = '''(?i)(acme[_-]?key)\\s*[:=]\\s*['"]?(acme_[a-z0-9]{24})['"]?'''
        secretGroup = 2
        keywords = ["acme"]
            [[rules.allowlists]]
            stopwords = ["zz9"]

        [[rules]]
        id = "gitlab-pat"
            [[rules.allowlists]]
            regexTarget = "line"
            regexes = [ '''MY-glpat-''' ]

        [[allowlists]]
        description = "global allow list"
        commits = [ "0123456789abcdef0123456789abcdef01234567" ]
        paths = [ '''(^|/)vendor/''', '''gitleaks\\.toml''' ]
        stopwords = [ "deadbeefdeadbeef" ]
        """

    static let zorblat = "zbt_" + "4f9a0c2e7b1d8e3f6a5c0b9d2e7f1a4c"
    static let acme = "acme_" + "q8w7e6r5t4y3u2i1o9p8a7s6"

    private func importInto(_ dir: URL, _ extra: [String] = []) throws -> Run {
        try run(["import", "gitleaks", ".gitleaks.toml"] + extra, in: dir)
    }

    func testImportedRulesFindWhatGitleaksFinds() throws {
        let dir = try makeRepository()
        try write(Self.config, to: ".gitleaks.toml", in: dir)
        // The gitleaks rule's `$`: a token that ends the file, with no newline after it.
        try write("const client = init({\n  token: \"x\"\n})\n// \(Self.zorblat)", to: "src/client.js", in: dir)
        try write("acme_key: \(Self.acme)\n", to: "deploy/app.yml", in: dir)
        try write("token = '\(Self.zorblat)'\n", to: "test/fixture.py", in: dir)
        try write("token = '\(Self.zorblat)'\n", to: "vendor/lib.py", in: dir)
        try write("acme_key = acme_q8w7e6zz9r5t4y3u2i1o9p8a\n", to: "deploy/sample.yml", in: dir)
        try write("token = 'zbt_deadbeefdeadbeef0c2e7b1d8e3f6a5c'\n", to: "src/decoy.py", in: dir)

        let imported = try importInto(dir)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let lines = imported.stderr.split(separator: "\n").map(String.init)
        for expected in [
            "extend.disabledRules 'generic-api-key': tokenwarden has no rule of that id",
            "rule 'gitlab-pat' has no regex", "commits 0123456789abcdef0123456789abcdef01234567",
        ] {
            XCTAssertEqual(lines.filter { $0.contains(expected) }.count, 1, "one line for \(expected): \(imported.stderr)")
        }
        for file in ["gitleaks-rules.yaml", ".tokenwarden.yaml"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path), file)
        }

        let scan = try run(["scan", "--format", "json"], in: dir)
        XCTAssertEqual(scan.status, 1, scan.stderr)
        let doc = try report(scan)
        let found = doc.findings.filter { $0.rule.hasPrefix("gitleaks.") }.map { "\($0.rule) \($0.path):\($0.line)" }.sorted()
        XCTAssertEqual(found, ["gitleaks.acme-key deploy/app.yml:1", "gitleaks.zorblat-api-token src/client.js:4"])
        XCTAssertFalse(doc.findings.contains { $0.path == "vendor/lib.py" }, "the global allow list's path, for every rule")
        // The rule's own list allows its match; a built-in catch-all may still report the span, never as blocking.
        XCTAssertFalse(doc.findings.contains { $0.path == "test/fixture.py" && ($0.rule.hasPrefix("gitleaks.") || $0.blocking) })
        XCTAssertGreaterThanOrEqual(doc.summary.allowlisted, 4, "the rule's paths and stopwords, the global paths and stopwords")
        let acmeFinding = try XCTUnwrap(doc.findings.first { $0.rule == "gitleaks.acme-key" })
        let redacted = acmeFinding.redacted
        XCTAssertTrue(redacted.hasPrefix("acme_") && redacted.hasSuffix("7s6"), "group 2 is the secret: \(redacted)")
        XCTAssertEqual(acmeFinding.column, 11, "the secret starts after the key name")
    }

    func testGitleaksIgnoreBecomesABaseline() throws {
        let dir = try makeRepository()
        try write(Self.config, to: ".gitleaks.toml", in: dir)
        try write("acme_key: \(Self.acme)\n", to: "deploy/app.yml", in: dir)
        try commitAll(dir, "add the deployment")
        let commit = try git(["rev-parse", "HEAD"], in: dir).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try write("# nothing here yet\n\nzbt = '\(Self.zorblat)'\n", to: "src/old.py", in: dir)
        try write(
            """
            \(commit):deploy/app.yml:acme-key:1
            src/old.py:zorblat-api-token:3
            src/old.py:zorblat-api-token:1
            src/gone.py:zorblat-api-token:2
            deploy/app.yml:aws-access-token:1
            ../outside.py:zorblat-api-token:1
            src/link.py:zorblat-api-token:1
            """, to: ".gitleaksignore", in: dir)
        // Neither a `..` path nor a link in the tree may lead the import to a file outside the repository.
        let outside = dir.deletingLastPathComponent().appendingPathComponent("outside-\(UUID().uuidString).py")
        try Data("zbt = '\(Self.zorblat)'\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(
            atPath: dir.appendingPathComponent("src/link.py").path, withDestinationPath: outside.path)
        let imported = try importInto(dir)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        for expected in [
            "src/old.py:zorblat-api-token:1: rule gitleaks.zorblat-api-token finds nothing on that line now",
            "src/gone.py:zorblat-api-token:2: no such file in the work tree",
            "'aws-access-token' is neither an imported rule nor a tokenwarden rule",
            "../outside.py:zorblat-api-token:1: the path leads out of the repository",
            "src/link.py:zorblat-api-token:1: the path leads out of the repository",
        ] {
            XCTAssertTrue(imported.stderr.contains(expected), "\(expected): \(imported.stderr)")
        }
        let baseline = try Baseline.load(path: dir.appendingPathComponent("gitleaks-baseline.yaml").path)
        XCTAssertEqual(
            baseline.entries.map { "\($0.rule) \($0.path)" }.sorted(),
            [
                "gitleaks.acme-key deploy/app.yml", "gitleaks.zorblat-api-token src/old.py",
            ])
        // The config names the baseline: the accepted findings are hidden from scans of the tree and of the history.
        for arguments in [["scan"], ["scan", "--history"]] {
            let scan = try run(arguments + ["--format", "json"], in: dir)
            let doc = try report(scan)
            XCTAssertEqual(doc.findings.filter { $0.rule.hasPrefix("gitleaks.") }.count, 0, "\(arguments): \(scan.stdout)")
            XCTAssertGreaterThanOrEqual(doc.summary.baselined, 1, "\(arguments)")
        }
    }

    func testExistingFilesAreKeptWithoutForce() throws {
        let dir = try makeRepository()
        try write(Self.config, to: ".gitleaks.toml", in: dir)
        try write("version: 1\n", to: ".tokenwarden.yaml", in: dir)
        let refused = try importInto(dir)
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stderr, "tokenwarden: error: .tokenwarden.yaml exists already (--force replaces it)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("gitleaks-rules.yaml").path), "nothing written")
        XCTAssertEqual(try importInto(dir, ["--force"]).status, 0)
        XCTAssertTrue(
            try String(contentsOf: dir.appendingPathComponent(".tokenwarden.yaml"), encoding: .utf8).contains("gitleaks-rules.yaml"))
    }

    func testHostileConfigsAreOneLineAndExitTwo() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        let huge = "# " + String(repeating: "x", count: 5 << 20)
        let cases: [(String, String)] = [
            (huge, "too large a gitleaks config"),
            ("a = " + String(repeating: "[", count: 100_000), "not TOML"),
            ("[[rules]]\nid = 'x'\nregex = '''[a-'''\nkeywords = ['a']\n", "regex does not compile as PCRE2"),
            ("[[rules]]\nid = 'x'\nregex = 'a'\nkeywords = [1]\n", "'keywords' must be an array of strings"),
        ]
        for (text, expected) in cases {
            try Data(text.utf8).write(to: dir.appendingPathComponent("hostile.toml"))
            let r = try run(["import", "gitleaks", "hostile.toml"], in: dir)
            XCTAssertEqual(r.status, 2, expected)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
            XCTAssertTrue(r.stderr.contains(expected), r.stderr)
        }
        let missing = try run(["import", "gitleaks", "nothing.toml"], in: dir)
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "tokenwarden: error: nothing.toml: cannot read the gitleaks config\n")
    }
}
