import Foundation
import XCTest

@testable import TokenWarden

/// Every report records the one version constant where its format has a field for it.
final class VersionTests: XCTestCase {
    let version = TokenWardenVersion.current

    func testTheVersionIsSemantic() throws {
        // make dist reads it with sed and names the tarball after it.
        XCTAssertNotNil(version.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$"#, options: .regularExpression), version)
        let source = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Sources/TokenWarden/Version.swift"), encoding: .utf8)
        XCTAssertEqual(source.components(separatedBy: "\n").filter { $0.contains("static let current = \"\(version)\"") }.count, 1)
    }

    func testJSONRecordsTheVersion() throws {
        let doc = try JSONDecoder().decode(JSONReport.Contents.self, from: Data(JSONReport.render(ScanResult()).utf8))
        XCTAssertEqual(doc.version, version)
        XCTAssertEqual(doc.tool, "tokenwarden")
    }

    func testSARIFDriverRecordsTheVersion() throws {
        let doc = try object(SARIFReport.render(ScanResult(), rules: []))
        let run = try XCTUnwrap((doc["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["version"] as? String, version)
        XCTAssertEqual(driver["semanticVersion"] as? String, version)
    }

    func testGitLabScannerRecordsTheVersion() throws {
        let doc = try object(GitLabReport.render(ScanResult(), rules: [], finishedAt: Date(timeIntervalSince1970: 0)))
        let scan = try XCTUnwrap(doc["scan"] as? [String: Any])
        XCTAssertEqual((scan["scanner"] as? [String: Any])?["version"] as? String, version)
        XCTAssertEqual((scan["analyzer"] as? [String: Any])?["version"] as? String, version)
    }

    func testJUnitSuitePropertiesRecordTheVersion() throws {
        let lines = JUnitReport.render(ScanResult(), finishedAt: Date(timeIntervalSince1970: 0)).components(separatedBy: "\n")
        let suite = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("  <testsuite ") })
        XCTAssertEqual(
            Array(lines[(suite + 1)...(suite + 3)]),
            ["    <properties>", "      <property name=\"tokenwarden.version\" value=\"\(version)\"/>", "    </properties>"])
    }

    func object(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
