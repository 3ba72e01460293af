// Test helpers: compiled only where XCTest exists, and only in debug builds (where `@testable import`
// works): a plain `swift build -c release`, which pre-commit's language: swift hook runs, builds every
// target of the package, this one included, and must not need XCTest or testability.
#if canImport(XCTest) && DEBUG
import Foundation
import XCTest

/// Golden files: expected output kept under `Fixtures/`, compared byte for byte, so a change to a
/// report or to `--help` shows up in review as a diff of the file.
///
/// After an intended change: `TOKENWARDEN_UPDATE_GOLDENS=1 swift test --filter …` rewrites the files
/// the filtered tests compare with; review the diff of `Fixtures/` before committing it.
public enum Golden {
    public static let updateVariable = "TOKENWARDEN_UPDATE_GOLDENS"

    public static var updating: Bool { ProcessInfo.processInfo.environment[updateVariable] == "1" }

    /// The golden file at `path` (relative to `Fixtures/`).
    public static func url(_ path: String) -> URL {
        TestSupport.fixtures.appendingPathComponent(path)
    }

    /// Fails with the first differing line unless `actual` is the golden file's content; writes the
    /// file instead when updating.
    public static func assertMatches(_ actual: String, _ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = url(path)
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return XCTFail("missing golden file \(url.path) (\(updateVariable)=1 writes it)", file: file, line: line)
        }
        guard actual != expected else { return }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        XCTFail(
            """
            \(path) differs from the golden file at line \(first + 1) (\(updateVariable)=1 rewrites it):
              expected: \(first < e.count ? String(e[first]) : "<end of file>")
              actual:   \(first < a.count ? String(a[first]) : "<end of file>")
            """, file: file, line: line)
    }
}
#endif
