import Foundation
import XCTest

/// Inputs that used to lose findings (or the process) without a word.
final class SilentMissTests: CLITestCase {
    let token = "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"
    let other = "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"

    private func paths(_ r: Run) throws -> [String] {
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], r.stdout + r.stderr)
        return try XCTUnwrap(doc["findings"] as? [[String: Any]]).map { $0["path"] as! String }
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
        XCTAssertEqual(try paths(staged).filter { $0.hasSuffix("-mark.txt") }, ["be-mark.txt", "le-mark.txt"])
    }
}
