import Foundation
import TokenWardenTestSupport
import XCTest

/// A renamed rule keeps its former ids (`aliases:`): baselines and allow comments written under
/// the old id still apply, end to end through the CLI.
final class RuleAliasTests: CLITestCase {
    private let secret = "acme_q8w7e6r5t4y3u2i1o9p0a8s7"

    private func rule(id: String, aliases: [String] = []) -> String {
        """
        rules:
          - id: \(id)
            service: acme
            aliases: [\(aliases.joined(separator: ", "))]
            keywords: [acme_]
            regex: '\\b(acme_[a-z0-9]{24})\\b'
        """
    }

    /// The scan's JSON summary, which counts what the baseline and allow comments hid.
    private func summary(_ r: Run) throws -> [String: Any] {
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], r.stdout + r.stderr)
        return try XCTUnwrap(doc["summary"] as? [String: Any])
    }

    func testABaselineWrittenUnderTheOldIDStillHidesTheFinding() throws {
        let repo = try makeRepository()
        try write("KEY=\(secret)\n", to: "app.env", in: repo)
        try write(rule(id: "acme-key"), to: "old.yaml", in: repo)
        try write(rule(id: "acme-api-key", aliases: ["acme-key"]), to: "new.yaml", in: repo)
        let created = try run(["baseline", "create", "-o", "base.yaml", "--no-builtin-rules", "--rules", "old.yaml", "app.env"], in: repo)
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(try String(contentsOf: repo.appendingPathComponent("base.yaml"), encoding: .utf8).contains("rule: acme-key"))

        let r = try run(
            ["scan", "--no-builtin-rules", "--rules", "new.yaml", "--baseline", "base.yaml", "--verbose", "-f", "json", "app.env"], in: repo
        )
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertEqual(try summary(r)["findings"] as? Int, 0)
        XCTAssertEqual(try summary(r)["baselined"] as? Int, 1)
        XCTAssertFalse(r.stderr.contains("stale baseline entry"), r.stderr)
        // Without the alias, the old entry names no rule: the finding shows and the entry is stale.
        try write(rule(id: "acme-api-key"), to: "new.yaml", in: repo)
        let unaliased = try run(
            ["scan", "--no-builtin-rules", "--rules", "new.yaml", "--baseline", "base.yaml", "--verbose", "app.env"], in: repo)
        XCTAssertEqual(unaliased.status, 1, unaliased.stderr)
        XCTAssertTrue(unaliased.stderr.contains("stale baseline entry: acme-key in app.env"), unaliased.stderr)
    }

    func testAnAllowCommentNamingTheOldIDStillAllows() throws {
        let repo = try makeRepository()
        try write(rule(id: "acme-api-key", aliases: ["acme-key"]), to: "rules.yaml", in: repo)
        try write("KEY=\(secret)  # tokenwarden:allow acme-key\n", to: "app.env", in: repo)
        let r = try run(["scan", "--no-builtin-rules", "--rules", "rules.yaml", "-f", "json", "app.env"], in: repo)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertEqual(try summary(r)["suppressed"] as? Int, 1)
        // An allow comment for another rule still does not hide this one.
        try write(
            "rules:\n  - id: other-key\n    service: other\n    keywords: [zzz]\n    regex: 'zzz[0-9]{9}'\n", to: "other.yaml", in: repo)
        try write("KEY=\(secret)  # tokenwarden:allow other-key\n", to: "app.env", in: repo)
        let other = try run(["scan", "--no-builtin-rules", "--rules", "rules.yaml", "--rules", "other.yaml", "app.env"], in: repo)
        XCTAssertEqual(other.status, 1, other.stderr)
    }

    func testAnAliasThatIsAnotherRulesIDIsALoadError() throws {
        let repo = try makeRepository()
        try write(rule(id: "acme-key"), to: "rules/a.yaml", in: repo)
        try write(rule(id: "acme-api-key", aliases: ["acme-key"]), to: "rules/b.yaml", in: repo)
        let r = try run(["rules", "check", "rules"], in: repo)
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("duplicate rule id 'acme-key'"), r.stderr)
    }
}
