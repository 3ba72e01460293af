import Foundation
import XCTest

@testable import TokenWarden

/// `merge` joins only the N shards of one input under one set of settings, each once.
final class ShardMergeTests: XCTestCase {
    /// A report of shard `k` of `n` holding one sample finding of its own (so every shard adds something).
    private func report(_ k: Int, of n: Int, input: String = "input", settings: String = "settings") throws -> String {
        var result = ScanResult()
        result.scope = ReportFormatTests.scope(k, of: n, input: input, settings: settings)
        let sample = ReportFormatTests.sample().findings
        result.findings = [sample[(k - 1) % sample.count]]
        result.summary.filesScanned = 10 * k
        result.countFindings()
        return try JSONReport.render(result)
    }

    private func failure(_ reports: [(name: String, json: String)], allowPartial: Bool = false) -> String {
        do {
            _ = try ReportMerge.merge(named: reports, allowPartial: allowPartial)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testCompleteShardsMergeIntoTheWholeInput() throws {
        let merged = try ReportMerge.merge(named: [("c", try report(3, of: 3)), ("a", try report(1, of: 3)), ("b", try report(2, of: 3))])
        XCTAssertEqual(merged.scope, ReportFormatTests.scope(1, of: 1))
        XCTAssertFalse(merged.scope?.isPartial ?? true)
        XCTAssertEqual(merged.findings.count, 3)
        XCTAssertEqual(merged.summary.filesScanned, 60)
        XCTAssertEqual(merged.exitCode, 1, "the sample's findings block")
        // A complete merge is a 1/1 report of the same input: it merges again, alone.
        let again = try ReportMerge.merge([try JSONReport.render(merged)])
        XCTAssertEqual(again.findings, merged.findings)
        XCTAssertEqual(again.scope, merged.scope)
    }

    func testMissingShardIsRefusedAndNamed() throws {
        XCTAssertEqual(
            failure([("s1.json", try report(1, of: 3)), ("s3.json", try report(3, of: 3))]),
            "missing shard 2/3 (given 1/3, 3/3); merge all 3 or pass --allow-partial")
        XCTAssertEqual(
            failure([("s2.json", try report(2, of: 5))]),
            "missing shards 1/5, 3/5, 4/5, 5/5 (given 2/5); merge all 5 or pass --allow-partial")
    }

    func testDuplicatedShardIsRefusedEvenWithAllowPartial() throws {
        let one = try report(1, of: 2)
        for allowPartial in [false, true] {
            XCTAssertEqual(
                failure([("a.json", one), ("b.json", try report(2, of: 2)), ("c.json", one)], allowPartial: allowPartial),
                "shard 1/2 is given twice (a.json and c.json): each shard merges once")
        }
    }

    func testShardsOfDifferentSplitsAreRefused() throws {
        XCTAssertEqual(
            failure([("a.json", try report(1, of: 3)), ("b.json", try report(2, of: 4))], allowPartial: true),
            "b.json is shard 2/4 but a.json is shard 1/3: shards of different splits do not merge")
    }

    func testShardsOfDifferentInputsOrSettingsAreRefused() throws {
        let otherInput = failure(
            [("a.json", try report(1, of: 2)), ("b.json", try report(2, of: 2, input: "another"))], allowPartial: true)
        XCTAssertTrue(
            otherInput.hasPrefix("b.json and a.json scanned different inputs (paths of ., input another vs paths of ., input input)"),
            otherInput)
        let otherSettings = failure([("a.json", try report(1, of: 2)), ("b.json", try report(2, of: 2, settings: "strict"))])
        XCTAssertTrue(otherSettings.hasPrefix("b.json and a.json were scanned with different rules or settings"), otherSettings)
    }

    func testAllowPartialMarksTheReportAndKeepsTheMissingShards() throws {
        let partial = try ReportMerge.merge(named: [("s1", try report(1, of: 3)), ("s3", try report(3, of: 3))], allowPartial: true)
        XCTAssertEqual(partial.scope?.missingShards, [Shard(index: 2, count: 3)])
        XCTAssertTrue(partial.scope?.isPartial ?? false)
        XCTAssertEqual(partial.findings.count, 2)
        let json = try JSONReport.render(partial)
        let scope = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["scope"] as? [String: Any])
        XCTAssertEqual(scope["partial"] as? Bool, true)
        XCTAssertEqual(scope["missing_shards"] as? [String], ["2/3"])
        XCTAssertEqual(scope["shard"] as? String, "1/1")
        // A partial report is not taken for a whole one: merging it again needs the flag, and keeps the gap.
        XCTAssertEqual(failure([("p.json", json)]), "p.json is a partial report (it lacks 2/3); pass --allow-partial to merge it")
        let again = try ReportMerge.merge(named: [("p.json", json)], allowPartial: true)
        XCTAssertEqual(again.scope?.missingShards, [Shard(index: 2, count: 3)])
        // Without blocking findings, a partial merge still exits 2: it is no clean audit.
        var clean = again
        clean.findings = []
        XCTAssertEqual(clean.exitCode, 2)
    }

    func testShardTextRoundTripsAndRefusesNonsense() throws {
        XCTAssertEqual(try Shard(parsing: "2/7").description, "2/7")
        for bad in ["0/3", "4/3", "1/0", "1/", "/3", "a/b", "1/2/3", ""] {
            XCTAssertThrowsError(try Shard(parsing: bad), bad)
        }
        let decoded = try JSONDecoder().decode([Shard].self, from: Data(#"["3/4"]"#.utf8))
        XCTAssertEqual(decoded, [Shard(index: 3, count: 4)])
        XCTAssertThrowsError(try JSONDecoder().decode([Shard].self, from: Data(#"["5/4"]"#.utf8)))
    }

    func testPositionsSplitRoundRobin() {
        let shards = (1...3).map { Shard(index: $0, count: 3) }
        for position in 0..<10 {
            XCTAssertEqual(shards.filter { $0.owns(position: position) }.map(\.index), [position % 3 + 1])
        }
    }
}
