import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// Reports are written into a sink piece by piece: a history report with 100k findings is never one
/// string, and the pieces add up to the bytes the whole-document encoding gives.
final class ReportStreamingTests: XCTestCase {
    /// Counts what is written and remembers the largest single write; keeps nothing.
    final class CountingSink: ReportSink {
        private(set) var total = 0
        private(set) var largestWrite = 0
        private(set) var writes = 0

        func write(_ bytes: UnsafeRawBufferPointer) throws {
            total += bytes.count
            largestWrite = max(largestWrite, bytes.count)
            writes += 1
        }
    }

    /// No single write may be more than a few findings' worth: the envelope and one element at most.
    static let writeBound = 16 * 1024

    /// `count` copies of the sample's first finding (the summary stays the sample's, so only the
    /// findings change in size).
    static func result(findings count: Int) -> ScanResult {
        var result = ReportFormatTests.sample()
        result.findings = Array(repeating: result.findings[0], count: count)
        return result
    }

    /// The JSON report as one `JSONEncoder` document, as it was rendered before it streamed.
    static func wholeDocument(_ result: ScanResult) throws -> [UInt8] {
        let encoder = JSONReport.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        let doc = JSONReport.Contents(findings: result.findings, skipped: result.skipped, errors: result.errors, summary: result.summary)
        return Array(try encoder.encode(doc)) + Array("\n".utf8)
    }

    func testStreamedJSONIsTheWholeDocumentByteForByte() throws {
        var many = ReportFormatTests.sample()
        many.findings = (0..<1000).map { i in
            var f = ReportFormatTests.sample().findings[i % 3]
            f.match.span.line = i + 1
            return f
        }
        for result in [ReportFormatTests.sample(), ReportFormatTests.incomplete(), ScanResult(), many] {
            let sink = MemorySink()
            try JSONReport.write(result, to: sink)
            XCTAssertEqual(sink.bytes, try Self.wholeDocument(result))
        }
    }

    func testA100kFindingJSONReportIsWrittenInSmallPieces() throws {
        let count = 100_000
        let sink = CountingSink()
        try JSONReport.write(Self.result(findings: count), to: sink)
        XCTAssertLessThanOrEqual(sink.largestWrite, Self.writeBound)
        XCTAssertGreaterThan(sink.writes, count)
        // Every finding is the same, so the whole document grows by the same bytes per finding.
        let one = try Self.wholeDocument(Self.result(findings: 1)).count
        let two = try Self.wholeDocument(Self.result(findings: 2)).count
        XCTAssertEqual(sink.total, one + (count - 1) * (two - one))
    }

    func testLargeSARIFGitLabAndJUnitReportsAreWrittenInSmallPieces() throws {
        let count = 10_000
        let rules = ReportFormatTests.rules, at = ReportFormatTests.finishedAt
        // JUnit's header counts the cases: `tests` and `failures`, each twice, grow by digits.
        let countDigits = 4 * (String(count).count - 1)
        // The copies are repeats of one secret in one file: SARIF numbers their line hashes (`:k`) and
        // JUnit their test names (` #k`), each growing by the digits beyond the second copy's.
        let repeatDigits = (2...count).reduce(0) { $0 + String($1).count - 1 }
        let formats: [(String, Int, (ScanResult, ReportSink) throws -> Void)] = [
            ("sarif", repeatDigits, { try SARIFReport.write($0, rules: rules, to: $1) }),
            ("gitlab", 0, { try GitLabReport.write($0, rules: rules, finishedAt: at, to: $1) }),
            ("junit", countDigits + repeatDigits, { try JUnitReport.write($0, finishedAt: at, to: $1) }),
            ("jsonl", 0, { try JSONReport.writeLines($0, to: $1) }),
        ]
        for (name, headerGrowth, write) in formats {
            func size(_ n: Int) throws -> Int { try MemorySink.text { try write(Self.result(findings: n), $0) }.utf8.count }
            let sink = CountingSink()
            try write(Self.result(findings: count), sink)
            XCTAssertLessThanOrEqual(sink.largestWrite, Self.writeBound, name)
            XCTAssertEqual(sink.total, try size(1) + (count - 1) * (try size(2) - size(1)) + headerGrowth, name)
        }
    }

    /// The file sink buffers, and what reaches the file is exactly what was written.
    func testAtomicFileStreamsThroughADescriptorSink() throws {
        let path = try TestSupport.temporaryDirectory(self).appendingPathComponent("report.json").path
        let result = Self.result(findings: 500)
        try AtomicFile.write(to: path) { try JSONReport.write(result, to: $0) }
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: path))), try Self.wholeDocument(result))
        struct Stop: Error {}
        XCTAssertThrowsError(
            try AtomicFile.write(to: path) { sink in
                try sink.write("half a report")
                throw Stop()
            })
        XCTAssertEqual(
            Array(try Data(contentsOf: URL(fileURLWithPath: path))), try Self.wholeDocument(result), "a failed write leaves the old file")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent), ["report.json"])
    }
}
