import Foundation
import TokenWardenTestSupport
import XCTest

/// End-to-end: every YAML file tokenwarden reads (config, store, baseline, rule file) may come
/// from an untrusted repository. A bomb, a huge or deeply nested file ends in one error line,
/// fast and small; a syntax error names the place, never the text.
final class YAMLHardeningTests: CLITestCase {
    let token = "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"

    /// "Billion laughs": nine levels of nine aliases, 9^9 strings once expanded, in ~500 bytes.
    static let aliasBomb: String = {
        var lines = ["version: 1", "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        let names = Array("abcdefghi").map(String.init)
        for i in 1..<names.count {
            lines.append("\(names[i]): &\(names[i]) [" + Array(repeating: "*\(names[i - 1])", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    /// Runs tokenwarden under /usr/bin/time when it is there, for the child's peak RSS in KiB.
    private func measured(_ arguments: [String], in dir: URL) throws -> (run: Run, seconds: Double, peakKiB: Int?) {
        let started = Date()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else {
            let r = try run(arguments, in: dir)
            return (r, Date().timeIntervalSince(started), nil)
        }
        let rss = dir.appendingPathComponent("rss.txt").path
        let r = try Self.execute(
            "/usr/bin/time", ["-f", "%M", "-o", rss, Self.binary.path] + arguments,
            in: dir, stdin: nil, environment: [:])
        let seconds = Date().timeIntervalSince(started)
        let text = (try? String(contentsOfFile: rss, encoding: .utf8)) ?? ""
        return (r, seconds, text.split(whereSeparator: \.isNewline).last.flatMap { Int($0) })
    }

    private func assertOneErrorLine(
        _ r: Run, naming file: String, containing expected: String,
        file f: StaticString = #filePath, line l: UInt = #line
    ) {
        XCTAssertEqual(r.status, 2, r.stderr, file: f, line: l)
        let lines = r.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, r.stderr, file: f, line: l)
        XCTAssertTrue(lines.first?.hasPrefix("tokenwarden: error: ") ?? false, r.stderr, file: f, line: l)
        XCTAssertTrue(r.stderr.contains(file), "\(file) not in \(r.stderr)", file: f, line: l)
        XCTAssertTrue(r.stderr.contains(expected), "\(expected) not in \(r.stderr)", file: f, line: l)
    }

    func testAliasBombAsConfigStoreBaselineOrRuleFileIsRefusedFastAndSmall() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        try write(Self.aliasBomb, to: "bomb.yaml", in: dir)
        try write("x = 1\n", to: "src/a.txt", in: dir)
        XCTAssertLessThan(Self.aliasBomb.utf8.count, 600)
        for option in ["--config", "--store", "--baseline", "--rules"] {
            let (r, seconds, peak) = try measured(["scan", option, "bomb.yaml", "src"], in: dir)
            // Line 2, column 4: the first anchor, refused before any alias is read.
            assertOneErrorLine(r, naming: "bomb.yaml:2:4:", containing: "anchors and aliases")
            XCTAssertLessThan(seconds, 1.0, option)
            if let peak { XCTAssertLessThan(peak, 50 * 1024, "\(option): peak RSS \(peak) KiB") }
        }
    }

    func testAliasBombAsTheDefaultStoreIsRefusedByStoreCommands() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        try write(Self.aliasBomb, to: ".tokenwarden/store.yaml", in: dir)
        for args in [["store", "list"], ["store", "audit"]] {
            let (r, seconds, _) = try measured(args, in: dir)
            assertOneErrorLine(r, naming: ".tokenwarden/store.yaml:2:4:", containing: "anchors and aliases")
            XCTAssertLessThan(seconds, 1.0)
        }
    }

    func testOversizedAndDeeplyNestedYAMLAreRefused() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        // 9 MiB of comments: over the 8 MiB limit for a config, refused before it is parsed.
        let comment = "# " + String(repeating: "x", count: 1021) + "\n"
        try write(String(repeating: comment, count: 9 * 1024), to: "huge.yaml", in: dir)
        try write(String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n", to: "deep.yaml", in: dir)
        try write("x = 1\n", to: "src/a.txt", in: dir)
        let huge = try run(["scan", "--config", "huge.yaml", "src"], in: dir)
        assertOneErrorLine(huge, naming: "huge.yaml", containing: "larger than 8 MiB")
        let deep = try run(["scan", "--config", "deep.yaml", "src"], in: dir)
        assertOneErrorLine(deep, naming: "deep.yaml:1:65:", containing: "nested deeper than 64 levels")
        // A config that never ends (a character device) is read only up to the limit.
        let endless = try run(["scan", "--config", "/dev/zero", "src"], in: dir)
        assertOneErrorLine(endless, naming: "/dev/zero", containing: "larger than 8 MiB")
    }

    func testMalformedYAMLErrorNamesThePlaceButNeverTheText() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        // An unterminated quote: the parser's own message would quote the line holding the secret.
        try write("version: 1\nallow:\n  secrets:\n    - \"\(token)\n  other: [\n", to: "bad.yaml", in: dir)
        try write("rules:\n  - id: x\n    regex: \(token) : : [\n", to: "rules/bad.yaml", in: dir)
        try write("version: 1\ntokens:\n  - {id: a, note: '\(token)\n", to: "store.yaml", in: dir)
        try write("x = 1\n", to: "src/a.txt", in: dir)
        for args in [["--config", "bad.yaml"], ["--rules", "rules/bad.yaml"], ["--store", "store.yaml"], ["--baseline", "bad.yaml"]] {
            let r = try run(["scan"] + args + ["src"], in: dir)
            assertOneErrorLine(r, naming: args[1] + ":", containing: ": malformed YAML: ")
            XCTAssertFalse(r.stderr.contains(token), r.stderr)
            XCTAssertFalse(r.stderr.contains("ghp_"), r.stderr)
            // file:line:column, then the kind of error.
            XCTAssertNotNil(
                r.stderr.range(of: #"\.yaml:\d+:\d+: malformed YAML: (syntax|structure) error: "#, options: .regularExpression), r.stderr)
        }
    }
}
