import Foundation
import TokenWardenTestSupport
import XCTest

/// End-to-end: files tokenwarden creates get the user's umask, as a shell redirection would;
/// the token store is 0600 whatever the umask.
final class FilePermissionTests: CLITestCase {
    let token = "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"

    private func mode(_ path: String) throws -> Int {
        try XCTUnwrap((FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue)
    }

    /// Runs tokenwarden under `umask`, in `dir`.
    private func run(umask: String, _ arguments: [String], in dir: URL, stdin: String = "") throws -> Run {
        try Self.execute(
            "/bin/sh", ["-c", "umask \(umask); exec \"$0\" \"$@\"", Self.binary.path] + arguments,
            in: dir, stdin: stdin, environment: [:])
    }

    func testReportsAndBaselinesHonourTheUmaskAndTheStoreStaysPrivate() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        try write("T=\(token)\n", to: "src/a.env", in: dir)
        for (umask, expected) in [("077", 0o600), ("022", 0o644), ("027", 0o640), ("000", 0o666)] {
            let report = "out-\(umask).json"
            let scan = try run(umask: umask, ["scan", "--report", "json:\(report)", "src"], in: dir)
            XCTAssertEqual(scan.status, 1, scan.stderr)
            XCTAssertEqual(try mode(dir.appendingPathComponent(report).path), expected, "report under umask \(umask)")
            // Rewriting an existing report gives the same.
            XCTAssertEqual(try run(umask: umask, ["scan", "--report", "json:\(report)", "src"], in: dir).status, 1)
            XCTAssertEqual(try mode(dir.appendingPathComponent(report).path), expected)

            let baseline = "baseline-\(umask).yaml"
            let created = try run(umask: umask, ["baseline", "create", "--output", baseline, "src"], in: dir)
            XCTAssertEqual(created.status, 0, created.stderr)
            XCTAssertEqual(try mode(dir.appendingPathComponent(baseline).path), expected, "baseline under umask \(umask)")

            let store = "store-\(umask).yaml"
            let added = try run(
                umask: umask,
                [
                    "store", "add", "--store", store, "--service", "internal", "--id", "svc",
                    "--owner", "o", "--expires", "never",
                ], in: dir, stdin: "QZX9-umask-00112233445566778899\n")
            XCTAssertEqual(added.status, 0, added.stderr)
            XCTAssertEqual(try mode(dir.appendingPathComponent(store).path), 0o600, "store under umask \(umask)")
        }
    }
}
