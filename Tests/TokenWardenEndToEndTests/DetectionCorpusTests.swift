import Foundation
import TokenWardenTestSupport
import XCTest
import Yams

@testable import TokenWarden

/// The labelled detection corpus (Fixtures/detection, issue 13): the built CLI scans a copy of
/// `cases/` and its findings are compared with `cases.yaml`. Three rules:
/// - every expected secret of a class listed in `enforced-classes.txt` is found, by a blocking finding;
/// - no blocking finding matches nothing, in any class, except on the files `known-false-positives.txt`
///   lists (and each listed file must still have one, so the list shrinks as fixes land);
/// - classes not enforced yet are scored and printed, not failed.
/// Matching is the one bench/detection.py uses: same file (an `ARCHIVE!MEMBER` case also accepts a
/// finding on the archive itself, at any line), overlapping lines, and, when the case gives a secret,
/// one of the two secrets contains the other.
final class DetectionCorpusTests: CLITestCase {
    struct Manifest: Decodable {
        var version: Int
        var cases: [Case]
    }

    struct Case: Decodable {
        var file: String
        var `class`: String
        var expect: [Expect]?
        var note: String?
    }

    struct Expect: Decodable {
        var line: Int?
        var lines: [Int]?
        var secret: String?
        var kind: String?
        var decoded: String?
        var note: String?
        /// false for a secret the corpus expects reported at low confidence (none today).
        var blocking: Bool?

        var span: ClosedRange<Int>? {
            if let lines, lines.count == 2 { return lines[0]...lines[1] }
            return line.map { $0...$0 }
        }
    }

    struct Row {
        var cases = 0, positives = 0, found = 0, foundBlocking = 0, falsePositives = 0, falsePositivesBlocking = 0
    }

    static let corpus = TestSupport.fixtures.appendingPathComponent("detection")

    static func listFile(_ name: String) throws -> [(String, String)] {
        try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").compactMap { raw in
            let parts = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts[0].trimmingCharacters(in: .whitespaces)
            let note = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            return value.isEmpty ? nil : (value, note)
        }
    }

    static func right(_ value: Any, _ width: Int) -> String {
        let s = "\(value)"
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }

    static func clean(_ s: String?) -> String {
        (s ?? "").trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "'\"`"))
    }

    static func matches(_ c: Case, _ e: Expect, _ f: Finding) -> Bool {
        let outer = c.file.split(separator: "!", maxSplits: 1).first.map(String.init) ?? c.file
        if f.path == c.file {
            if let span = e.span, !(f.line <= span.upperBound && f.endLine >= span.lowerBound) { return false }
        } else if !(c.file.contains("!") && (f.path == outer || f.path.hasPrefix(outer + "!"))) {
            return false
        }
        let want = clean(e.secret), got = clean(f.secret)
        if !want.isEmpty && got.count >= 4 && !want.contains(got) && !got.contains(want) { return false }
        return true
    }

    func testTheDetectionCorpus() throws {
        let manifest = try YAMLDecoder().decode(
            Manifest.self, from: String(contentsOf: Self.corpus.appendingPathComponent("cases.yaml"), encoding: .utf8))
        let classes = Set(manifest.cases.map(\.class))
        let enforced = Set(try Self.listFile("enforced-classes.txt").map(\.0))
        let knownFalsePositives = Dictionary(try Self.listFile("known-false-positives.txt"), uniquingKeysWith: { a, _ in a })
        for c in enforced.subtracting(classes) { XCTFail("enforced-classes.txt names \(c), which no case has") }
        let positives = manifest.cases.filter { !($0.expect ?? []).isEmpty }.count
        XCTAssertGreaterThanOrEqual(positives, 300, "the corpus shrank")
        XCTAssertGreaterThanOrEqual(manifest.cases.count - positives, 300, "the corpus shrank")

        // A copy outside any git work tree: no repository config, ignore rules or Fixtures/ path in the way.
        let dir = try TestSupport.temporaryDirectory(self).appendingPathComponent("cases")
        try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent("cases"), to: dir)
        let r = try run(["scan", ".", "--format", "json", "--show-secrets", "--no-progress"], in: dir)
        XCTAssertLessThanOrEqual(r.status, 1, r.stderr)
        let findings = try report(r).findings

        // Which cases a finding's path belongs to: its own file, or every member case of its archive.
        var byFile: [String: [Int]] = [:]
        for (i, c) in manifest.cases.enumerated() {
            byFile[c.file, default: []].append(i)
            if let outer = c.file.split(separator: "!", maxSplits: 1).first, c.file.contains("!") {
                byFile["!" + outer, default: []].append(i)
            }
        }
        var hits: [String: [Finding]] = [:]  // "case#expect" -> findings
        var falsePositives: [(String, Finding)] = []
        for f in findings {
            let owners = byFile[f.path] ?? byFile["!" + (f.path.split(separator: "!").first.map(String.init) ?? f.path)] ?? []
            var matched = false
            for i in owners {
                let c = manifest.cases[i]
                for (j, e) in (c.expect ?? []).enumerated() where Self.matches(c, e, f) {
                    hits["\(i)#\(j)", default: []].append(f)
                    matched = true
                }
            }
            if !matched { falsePositives.append((owners.first.map { manifest.cases[$0].class } ?? "(outside the corpus)", f)) }
        }

        var rows: [String: Row] = [:]
        var missed: [String: [String]] = [:]
        for (i, c) in manifest.cases.enumerated() {
            rows[c.class, default: Row()].cases += 1
            for (j, e) in (c.expect ?? []).enumerated() {
                rows[c.class, default: Row()].positives += 1
                let fs = hits["\(i)#\(j)"] ?? []
                let blocking = fs.contains { $0.blocking }
                if !fs.isEmpty { rows[c.class, default: Row()].found += 1 }
                if blocking { rows[c.class, default: Row()].foundBlocking += 1 }
                let wanted = e.blocking ?? true
                if fs.isEmpty || (wanted && !blocking) {
                    let at = e.span.map { "\($0.lowerBound)" } ?? "any line"
                    missed[c.class, default: []].append("\(c.file):\(at)" + (fs.isEmpty ? "" : " (found only at low confidence)"))
                }
            }
        }
        var unexpected: [String] = []
        var stillFalse = Set<String>()
        for (cls, f) in falsePositives {
            rows[cls, default: Row()].falsePositives += 1
            guard f.blocking else { continue }
            rows[cls, default: Row()].falsePositivesBlocking += 1
            let file = f.path.split(separator: "!").first.map(String.init) ?? f.path
            if knownFalsePositives[file] != nil || knownFalsePositives[f.path] != nil {
                stillFalse.insert(knownFalsePositives[f.path] != nil ? f.path : file)
            } else {
                unexpected.append("\(f.path):\(f.line) \(f.rule) [\(cls)] \(f.redacted)")
            }
        }

        // The table, for the log of every run.
        var table = "detection corpus: \(manifest.cases.count) cases (\(positives) positive), \(findings.count) findings\n"
        table +=
            "class".padding(toLength: 26, withPad: " ", startingAt: 0)
            + "  cases  positives  found (blocking)  missed  FP (blocking)  positives enforced\n"
        for cls in classes.sorted(by: { ($0.hasPrefix("negative") ? 1 : 0, $0) < ($1.hasPrefix("negative") ? 1 : 0, $1) }) {
            let row = rows[cls] ?? Row()
            let found = "\(row.found) (\(row.foundBlocking))"
            let fp = "\(row.falsePositives) (\(row.falsePositivesBlocking))"
            let state =
                row.positives == 0
                ? "-" : enforced.contains(cls) ? "yes" : row.foundBlocking == row.positives ? "no: ready to enforce" : "no"
            table += cls.padding(toLength: 26, withPad: " ", startingAt: 0) + Self.right(row.cases, 7) + Self.right(row.positives, 11)
            table += Self.right(found, 18) + Self.right(row.positives - row.found, 8) + Self.right(fp, 15) + "  \(state)\n"
        }
        print(table)

        for cls in enforced.sorted() {
            for m in missed[cls] ?? [] { XCTFail("missed (\(cls), enforced): \(m)") }
        }
        for u in unexpected { XCTFail("blocking false positive: \(u)") }
        for (path, reason) in knownFalsePositives where !stillFalse.contains(path) {
            XCTFail("known-false-positives.txt: \(path) has no blocking false positive any more (\(reason)): remove the entry")
        }
    }
}
