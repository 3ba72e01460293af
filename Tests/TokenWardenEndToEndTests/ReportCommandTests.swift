import Foundation
import TokenWardenTestSupport
import XCTest

/// Report files, CI annotations and `merge`, through the CLI.
final class ReportCommandTests: CLITestCase {
    let token = "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"

    func testSeveralReportsInOneRunAndCIAnnotations() throws {
        let repo = try makeRepository()
        try write("T=\(token)\n", to: "a.env", in: repo)
        let r = try run(
            ["scan", "--report", "sarif:out/s.sarif", "--report", "junit:j.xml", "--report", "gitlab:gl.json", "."],
            in: repo, environment: ["GITHUB_ACTIONS": "true"])
        // The report directory does not exist: a clear error, nothing half-written.
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("cannot write out/s.sarif"), r.stderr)
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("out"), withIntermediateDirectories: true)
        let ok = try run(
            ["scan", "--report", "sarif:out/s.sarif", "--report", "junit:j.xml", "--report", "gitlab:gl.json", "."],
            in: repo, environment: ["GITHUB_ACTIONS": "true"])
        XCTAssertEqual(ok.status, 1, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("a.env:1:3: github-pat-classic"), "text is kept in CI")
        XCTAssertTrue(ok.stdout.contains("::error file=a.env,line=1,col=3"), ok.stdout)
        let sarif = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: repo.appendingPathComponent("out/s.sarif"))) as? [String: Any])
        XCTAssertEqual(sarif["version"] as? String, "2.1.0")
        XCTAssertTrue(try String(contentsOf: repo.appendingPathComponent("j.xml"), encoding: .utf8).contains("<failure"))
        let gitlab = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: repo.appendingPathComponent("gl.json"))) as? [String: Any])
        XCTAssertEqual((gitlab["vulnerabilities"] as? [Any])?.count, 1)
        for file in ["out/s.sarif", "j.xml", "gl.json"] {
            XCTAssertFalse(try String(contentsOf: repo.appendingPathComponent(file), encoding: .utf8).contains(token))
        }
        let azure = try run(["scan", "--format", "azure", "."], in: repo)
        XCTAssertTrue(azure.stdout.hasPrefix("##vso[task.logissue type=error;sourcepath=a.env;linenumber=1"), azure.stdout)
        XCTAssertEqual(try run(["scan", "--report", "pdf:x.pdf", "."], in: repo).status, 2)
    }

    func testMergeOfShardReportsEqualsTheWholeScan() throws {
        let repo = try makeRepository()
        for i in 0..<9 { try write("n=\(i)\nT=\(token)\n", to: "f\(i).env", in: repo) }
        let whole = try run(["scan", "-f", "json", "."], in: repo)
        // Outside the scanned tree: a report written into it would make the next shard's input another one.
        let out = try TestSupport.temporaryDirectory(self)
        var paths: [String] = []
        for k in 1...3 {
            let part = try run(["scan", "-f", "json", "--shard", "\(k)/3", "."], in: repo)
            let path = out.appendingPathComponent("shard-\(k).json").path
            try Data(part.stdout.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let merged = try run(["merge"] + paths + ["--format", "jsonl"], in: repo)
        XCTAssertEqual(merged.status, 1, merged.stderr)
        let wholeLines = try run(["scan", "-f", "jsonl", "."], in: repo).stdout
        XCTAssertEqual(merged.stdout, wholeLines)
        XCTAssertFalse(whole.stdout.isEmpty)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: paths[1]))
        let bad = try run(["merge"] + paths, in: repo)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("shard-2.json"), bad.stderr)
    }
}
