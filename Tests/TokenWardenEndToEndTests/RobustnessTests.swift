import Foundation
import TokenWardenTestSupport
import XCTest

/// Bad input, end to end: every case ends in a clear one-line error or a counted skip —
/// never a crash, a hang or a silent loss — and no secret ever reaches the output.
final class RobustnessTests: CLITestCase {
    let token = "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"

    private func scan(_ args: [String], in dir: URL? = nil, stdin: String? = nil) throws -> Run {
        let r = try run(["scan"] + args, in: dir, stdin: stdin)
        XCTAssertFalse(r.stdout.contains(token) || r.stderr.contains(token), "a secret reached the output")
        XCTAssertLessThanOrEqual(r.status, 2, "crashed: \(r.status) \(r.stderr)")
        return r
    }

    func testOddFilesAreScannedOrSkippedWithAReason() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        // UTF-16 with a byte-order mark is text.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "TOKEN=\(token)\r\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try Data(utf16).write(to: dir.appendingPathComponent("windows.env"))
        // Invalid UTF-8 around a secret: scanned as bytes.
        try Data([0xC3, 0x28, 0xFF, 0x0A] + Array("T=\(token)\n".utf8) + [0xED, 0xA0, 0x80]).write(
            to: dir.appendingPathComponent("latin.txt"))
        try Data().write(to: dir.appendingPathComponent("empty.txt"))
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01] + Array(token.utf8)).write(to: dir.appendingPathComponent("tool.bin"))
        // Names git would quote: a newline, invalid UTF-8.
        try Data("T=\(token)\n".utf8).write(to: dir.appendingPathComponent("new\nline.env"))
        // Foundation cannot name a file with invalid UTF-8; the shell can.
        let shell = try Self.execute(
            "/bin/sh", ["-c", "printf 'T=\(token)\\n' > \"$(printf 'bad\\377name.env')\""],
            in: dir, stdin: nil, environment: [:])
        XCTAssertEqual(shell.status, 0)
        // A 2 GB sparse file: skipped by size, without reading it.
        let huge = dir.appendingPathComponent("huge.log").path
        XCTAssertTrue(FileManager.default.createFile(atPath: huge, contents: nil))
        XCTAssertEqual(truncate(huge, 2 << 30), 0)
        // Symlink loop and a link out of the tree: never followed.
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("loop").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(
            atPath: dir.appendingPathComponent("etc-passwd").path, withDestinationPath: "/etc/passwd")

        let r = try scan(["--verbose", "-f", "json", dir.path])
        XCTAssertEqual(r.status, 1, r.stderr)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let paths = try XCTUnwrap(doc["findings"] as? [[String: Any]]).compactMap {
            ($0["path"] as? String).map { ($0 as NSString).lastPathComponent }
        }
        XCTAssertEqual(Set(paths), ["windows.env", "latin.txt", "new\nline.env", "bad\u{FFFD}name.env"])
        let skipped = try XCTUnwrap(doc["skipped"] as? [[String: Any]])
        let reasons = Dictionary(
            uniqueKeysWithValues: skipped.map { (($0["path"] as? String ?? "") as NSString).lastPathComponent }.enumerated().map {
                ($1, skipped[$0]["reason"] as? String ?? "")
            })
        XCTAssertEqual(reasons["tool.bin"], "binary")
        XCTAssertEqual(reasons["huge.log"], "too-large")
        XCTAssertEqual(reasons["loop"], "symlink")
        XCTAssertEqual(reasons["etc-passwd"], "symlink")
        XCTAssertEqual((doc["summary"] as? [String: Any])?["files_scanned"] as? Int, 5)
    }

    func testAHundredMegabyteLineAndAHundredThousandFiles() throws {
        // Big fixtures are made (and removed) by python and rm: Foundation in a debug build is slow at it.
        let dir = try TestSupport.temporaryDirectory(self)
        let many = dir.appendingPathComponent("many")
        addTeardownBlock { _ = try? Self.execute("/bin/rm", ["-rf", dir.path], in: nil, stdin: nil, environment: [:]) }
        let made = try Self.execute(
            "/usr/bin/env",
            [
                "python3", "-c",
                """
                import os
                open('\(dir.path)/one-line.min.js', 'w').write('a' * (50 << 20) + ' T=\(token) ' + 'a' * (50 << 20))
                for i in range(100000):
                    d = os.path.join('\(many.path)', 'd%03d' % (i // 1000))
                    os.makedirs(d, exist_ok=True)
                    open(os.path.join(d, 'f%d.txt' % i), 'w').write('value = %d\\n' % i)
                open(os.path.join('\(many.path)', 'd042', 'leak.env'), 'w').write('T=\(token)\\n')
                """,
            ], in: nil, stdin: nil, environment: [:])
        XCTAssertEqual(made.status, 0, made.stderr)
        let r = try scan(["--max-file-size", "\(200 << 20)", "-f", "jsonl", dir.appendingPathComponent("one-line.min.js").path])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stdout.contains("\"column\":\((50 << 20) + 4)"), r.stdout)

        let big = try scan([many.path])
        XCTAssertEqual(big.status, 1, big.stderr)
        XCTAssertTrue(big.stderr.contains("100001 files scanned"), big.stderr)
    }

    func testErrorsAreOneLineWithExitTwo() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        try write("rules: [\n", to: "bad-rules/x.yaml", in: dir)
        try write("rules:\n  - id: slow\n    service: s\n    keywords: [a]\n    regex: '(a+)+$'\n", to: "evil/x.yaml", in: dir)
        try write(String(repeating: "a", count: 5000) + "!\n", to: "aaaa.txt", in: dir)
        try write("x", to: "plain.txt", in: dir)
        let cases: [([String], String)] = [
            (["/nonexistent/path"], "/nonexistent/path: No such file or directory"),
            (["--rules", dir.appendingPathComponent("bad-rules").path, dir.path], "malformed YAML"),
            (["--store", dir.appendingPathComponent("aaaa.txt").path, dir.path], "aaaa.txt"),
            (["--baseline", dir.appendingPathComponent("plain.txt").path, dir.path], "plain.txt"),
            (["--config", dir.appendingPathComponent("aaaa.txt").path, dir.path], "aaaa.txt"),
            (["--report", "json:\(dir.path)/plain.txt/out.json", dir.path], "cannot write"),
        ]
        for (args, expected) in cases {
            let r = try scan(args)
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("tokenwarden: error:") }
            XCTAssertEqual(errors.count, 1, r.stderr)
            XCTAssertTrue(errors.first?.contains(expected) ?? false, "\(expected) not in \(r.stderr)")
        }
        // A pathological user regex: reported as a rule error (exit 2: the scan is incomplete), no hang.
        let started = Date()
        let evil = try scan([
            "--no-builtin-rules", "--rules", dir.appendingPathComponent("evil").path, "--verbose",
            dir.appendingPathComponent("aaaa.txt").path,
        ])
        XCTAssertEqual(evil.status, 2)
        XCTAssertTrue(evil.stderr.contains("rule slow:") && evil.stderr.contains("limit"), evil.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
    }

    func testCorruptGitObjectIsAnIncompleteScan() throws {
        let repo = try makeRepository()
        try write("hello\n", to: "b.txt", in: repo)
        try git(["add", "b.txt"], in: repo)
        try git(["commit", "-qm", "x"], in: repo)
        let blob = try git(["rev-parse", "HEAD:b.txt"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let object = repo.appendingPathComponent(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))").path
        chmod(object, 0o644)
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: object))
        let r = try scan(["--history", "--verbose"], in: repo)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stdout.contains("b.txt: unreadable (git object \(blob) is missing or corrupt)"), r.stdout)
    }

    func testAKilledWriteLeavesTheOldReportIntact() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        for i in 0..<400 { try write("T=\(token) # \(i)\n", to: "f\(i).env", in: dir) }
        let report = dir.appendingPathComponent("report.json")
        try Data("previous report\n".utf8).write(to: report)
        // A 1-block file size limit kills tokenwarden (SIGXFSZ) in the middle of writing the report.
        let r = try Self.execute(
            "/bin/sh",
            [
                "-c", "ulimit -f 1; exec \"$0\" scan --report json:\(report.path) \(dir.path) >/dev/null 2>&1",
                CLITestCase.binary.path,
            ], in: nil, stdin: nil, environment: [:])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertEqual(try String(contentsOf: report, encoding: .utf8), "previous report\n")
    }
}
