import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// Inputs that used to lose findings (or the process) without a word.
final class SilentMissTests: CLITestCase {
    let token = "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"
    let other = "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"

    private func paths(_ r: Run) throws -> [String] {
        return try report(r).findings.map(\.path)
    }

    /// `FF FE` / `FE FF` then ASCII (not UTF-16), and a real UTF-16LE file with a byte-order mark.
    private func writeByteOrderMarkFiles(in repo: URL) throws {
        try Data([0xFF, 0xFE] + Array("TOKEN=\(token)\n".utf8)).write(to: repo.appendingPathComponent("le-mark.txt"))
        try Data([0xFE, 0xFF] + Array("TOKEN=\(token)\n".utf8)).write(to: repo.appendingPathComponent("be-mark.txt"))
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "TOKEN=\(other)\r\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try Data(utf16).write(to: repo.appendingPathComponent("utf16.txt"))
    }

    func testByteOrderMarkBeforePlainTextHidesNoSecretInWorkTreeOrStagedMode() throws {
        let repo = try makeRepository()
        try writeByteOrderMarkFiles(in: repo)
        let worktree = try run(["scan", "--format", "json"], in: repo)
        XCTAssertEqual(worktree.status, 1, worktree.stderr)
        XCTAssertEqual(try paths(worktree), ["be-mark.txt", "le-mark.txt", "utf16.txt"])

        try git(["add", "-A"], in: repo)
        let staged = try run(["scan", "--staged", "--format", "json", "--verbose"], in: repo)
        XCTAssertEqual(staged.status, 1, staged.stderr)
        XCTAssertEqual(try paths(staged), ["be-mark.txt", "le-mark.txt", "utf16.txt"])
    }

    func testClosedPipeEndsQuietlyWithTheScanStatus() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        let lines = (1...20_000).map { "TOKEN_\($0)=\(token)" }.joined(separator: "\n")
        try write(lines + "\n", to: "many.env", in: dir)
        // The reader takes one line and leaves; megabytes of report are still to be written.
        let script = #"( "$0" scan --format jsonl --report json:full.json . 2>err.txt; echo $? >status.txt ) | head -1"#
        let r = try Self.execute("/bin/sh", ["-c", script, Self.binary.path], in: dir, stdin: nil, environment: [:])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout.split(separator: "\n").count, 1, "head printed one line")
        let stderr = try String(contentsOf: dir.appendingPathComponent("err.txt"), encoding: .utf8)
        for noise in ["Fatal error", "crashed", "Broken pipe", "Backtrac"] {
            XCTAssertFalse(stderr.contains(noise), stderr)
        }
        XCTAssertTrue(stderr.contains("20000 findings"), stderr)
        let status = try String(contentsOf: dir.appendingPathComponent("status.txt"), encoding: .utf8)
        XCTAssertEqual(status.trimmingCharacters(in: .whitespacesAndNewlines), "1", "the scan's own status: blocking findings")
        // The report file is still written in full.
        let report = try Data(contentsOf: dir.appendingPathComponent("full.json"))
        XCTAssertEqual(try JSONDecoder().decode(JSONReport.Contents.self, from: report).findings.count, 20_000)
    }
}
