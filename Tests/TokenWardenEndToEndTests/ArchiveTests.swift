import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// Archives are unpacked and their members scanned as `archive!member`, within zip-bomb limits.
/// The fixtures come from Fixtures/archives/make-fixtures.py.
final class ArchiveTests: CLITestCase {
    let token = "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"

    private func directory(with fixtures: [String: String]) throws -> URL {
        let dir = try TestSupport.temporaryDirectory(self)
        for (name, destination) in fixtures {
            let target = dir.appendingPathComponent(destination)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent("archives/\(name)"), to: target)
        }
        return dir
    }

    private func scan(_ fixtures: [String: String], _ extra: [String] = []) throws -> (Run, JSONReport.Contents) {
        let dir = try directory(with: fixtures)
        let r = try run(["scan", "--format", "json"] + extra, in: dir)
        return (r, try report(r))
    }

    func testTokenInAJarMember() throws {
        let (r, report) = try scan(["app.jar": "dist/app.jar"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(report.findings.map(\.path), ["dist/app.jar!config/application.properties"])
        XCTAssertEqual(report.findings.first.map { [$0.line, $0.column] }, [2, 14])
        // The class file is binary: one skip for the archive counts it.
        XCTAssertEqual(report.skipped.map(\.reason), [.binary])
        XCTAssertEqual(report.skipped.first?.detail, "1 of 3 members binary (not scanned)")
    }

    func testZipInsideZip() throws {
        let (r, report) = try scan(["nested.zip": "bundle.zip"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(report.findings.map(\.path), ["bundle.zip!lib/inner.jar!deploy/.env"])
    }

    func testTarGz() throws {
        let (r, report) = try scan(["backup.tar.gz": "backup.tar.gz"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(report.findings.map(\.path), ["backup.tar.gz!etc/app.conf"])
        XCTAssertEqual(report.summary.filesScanned, 3, "the archive and its two members")
    }

    func testGzipOfOneFileAndAGzipBomb() throws {
        let (r, report) = try scan(["notes.txt.gz": "logs/notes.txt.gz", "zeros.gz": "zeros.gz"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(report.findings.map(\.path), ["logs/notes.txt.gz!notes.txt"])
        XCTAssertEqual(report.skipped.map(\.path), ["zeros.gz"])
        XCTAssertEqual(report.skipped.first?.reason, .archiveLimit)
    }

    func testZipBombMemberIsASkipAndTheRestIsScanned() throws {
        let (r, report) = try scan(["bomb.zip": "bomb.zip"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(report.findings.map(\.path), ["bomb.zip!ok.txt"])
        let skip = try XCTUnwrap(report.skipped.first)
        XCTAssertEqual([skip.path, skip.reason.rawValue], ["bomb.zip!zeros.bin", "archive-limit"])
        XCTAssertTrue(skip.detail.contains("compression ratio over 100:1"), skip.detail)
    }

    func testTotalSizeAndEntryLimitsStopTheArchive() throws {
        let (bytes, small) = try scan(["app.jar": "app.jar"], ["--max-archive-bytes", "50"])
        XCTAssertEqual(bytes.status, 0, bytes.stderr)
        XCTAssertTrue(
            small.skipped.contains { $0.path == "app.jar" && $0.reason == .archiveLimit && $0.detail.contains("more than 50 bytes") })
        let (entries, few) = try scan(["app.jar": "app.jar"], ["--max-archive-entries", "2"])
        XCTAssertEqual(entries.status, 0, entries.stderr)
        XCTAssertTrue(few.skipped.contains { $0.reason == .archiveLimit && $0.detail.contains("more than 2 entries") }, entries.stdout)
    }

    func testCorruptZipIsASkip() throws {
        let (r, report) = try scan(["corrupt.zip": "corrupt.zip"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(report.skipped.map(\.path), ["corrupt.zip"])
        XCTAssertEqual(report.skipped.first?.reason, .corrupt)
    }

    func testAnArchiveNameOnATextFileIsScannedAsText() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        try write("token = \(token)\n", to: "notes.jar", in: dir)
        let r = try run(["scan", "--format", "json"], in: dir)
        XCTAssertEqual(try report(r).findings.map(\.path), ["notes.jar"])
    }

    func testArchiveMembersInStagedAndHistoryModesKeepTheirCommit() throws {
        let repo = try makeRepository()
        try FileManager.default.copyItem(
            at: TestSupport.fixtures.appendingPathComponent("archives/app.jar"), to: repo.appendingPathComponent("app.jar"))
        try git(["add", "-A"], in: repo)
        let staged = try run(["scan", "--staged", "--format", "json"], in: repo)
        XCTAssertEqual(staged.status, 1, staged.stderr)
        XCTAssertEqual(try report(staged).findings.map(\.path), ["app.jar!config/application.properties"])

        try commitAll(repo, "add the jar")
        let added = try git(["rev-parse", "HEAD"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(at: repo.appendingPathComponent("app.jar"))
        try commitAll(repo, "remove the jar")
        let history = try run(["scan", "--history", "--format", "json"], in: repo)
        XCTAssertEqual(history.status, 1, history.stderr)
        let f = try XCTUnwrap(try report(history).findings.first)
        XCTAssertEqual([f.path, f.commit], ["app.jar!config/application.properties", added])
        XCTAssertNotNil(f.blob)
    }
}
