import Foundation
import TokenWardenTestSupport
import XCTest

/// CI reports from a real repository: paths from its top whatever the current directory, UTF-16
/// columns on a CJK line, the commit it is at, and no credential from its remote URL.
final class CIReportCommandTests: CLITestCase {
    let token = "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"

    func testReportsFromASubdirectoryLocateFilesFromTheRepositoryTop() throws {
        let repo = try makeRepository()
        // `x`, 12 CJK characters (3 bytes each) and `t = "` before the token: byte column 43, UTF-16 column 19.
        try write(
            "# \(String(repeating: "漢", count: 12))\nx\(String(repeating: "字", count: 12))t = \"\(token)\"\n", to: "src/app.py", in: repo)
        try commitAll(repo, "app")
        try git(["remote", "add", "origin", "https://bot:hunter2-password@git.example.org/team/app.git"], in: repo)
        let head = try git(["rev-parse", "HEAD"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let src = repo.appendingPathComponent("src")

        let text = try run(["scan", "."], in: src)
        XCTAssertTrue(text.stdout.hasPrefix("app.py:2:43: github-pat-classic"), "text keeps the user's paths: \(text.stdout)")

        let r = try run(["scan", "--format", "sarif", "--report", "gitlab:../gl.json", "."], in: src)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertFalse(r.stdout.contains("hunter2"), "a credential in the remote URL must not reach the report")
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let sarifRun = try XCTUnwrap((doc["runs"] as? [[String: Any]])?.first)
        let result = try XCTUnwrap((sarifRun["results"] as? [[String: Any]])?.first)
        let physical = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        XCTAssertEqual((physical["artifactLocation"] as? [String: String])?["uri"], "src/app.py")
        XCTAssertEqual((physical["artifactLocation"] as? [String: String])?["uriBaseId"], "%SRCROOT%")
        XCTAssertEqual((physical["region"] as? [String: Int])?["startColumn"], 19)
        XCTAssertEqual((physical["region"] as? [String: Int])?["endColumn"], 59)
        XCTAssertEqual(sarifRun["columnKind"] as? String, "utf16CodeUnits")
        let root = try XCTUnwrap((sarifRun["originalUriBaseIds"] as? [String: [String: String]])?["%SRCROOT%"]?["uri"])
        XCTAssertTrue(root.hasPrefix("file:///") && root.hasSuffix("/"), root)
        let provenance = try XCTUnwrap((sarifRun["versionControlProvenance"] as? [[String: Any]])?.first)
        XCTAssertEqual(provenance["revisionId"] as? String, head)
        XCTAssertEqual(provenance["branch"] as? String, "refs/heads/main")
        XCTAssertEqual(provenance["repositoryUri"] as? String, "https://git.example.org/team/app.git")

        let gitlab = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: repo.appendingPathComponent("gl.json"))) as? [String: Any])
        let location = try XCTUnwrap((gitlab["vulnerabilities"] as? [[String: Any]])?.first?["location"] as? [String: Any])
        XCTAssertEqual(location["file"] as? String, "src/app.py")
        XCTAssertEqual((location["commit"] as? [String: Any])?["sha"] as? String, head, "a work-tree finding is at HEAD")

        let github = try run(["scan", "--format", "github", "."], in: src)
        XCTAssertTrue(github.stdout.hasPrefix("::error file=src/app.py,line=2,col=19,endLine=2,endColumn=58,"), github.stdout)
    }

    func testOutsideGitReportsKeepTheirPathsAndThePlaceholderCommit() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        try write("T=\(token)\n", to: "a.env", in: dir)
        let r = try run(
            ["scan", "--format", "gitlab", "."], in: dir, environment: ["GIT_CEILING_DIRECTORIES": dir.deletingLastPathComponent().path])
        let gitlab = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let location = try XCTUnwrap((gitlab["vulnerabilities"] as? [[String: Any]])?.first?["location"] as? [String: Any])
        XCTAssertEqual(location["file"] as? String, "a.env")
        XCTAssertEqual((location["commit"] as? [String: Any])?["sha"] as? String, "0000000")
        let sarif = try run(
            ["scan", "--format", "sarif", "."], in: dir, environment: ["GIT_CEILING_DIRECTORIES": dir.deletingLastPathComponent().path])
        XCTAssertFalse(sarif.stdout.contains("versionControlProvenance"))
        XCTAssertTrue(sarif.stdout.contains(#""uri" : "a.env""#), sarif.stdout)
    }
}
