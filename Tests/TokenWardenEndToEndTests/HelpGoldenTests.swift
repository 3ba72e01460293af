import Foundation
import TokenWardenTestSupport
import XCTest

/// `--help` of every command, as golden files under `Fixtures/help/`, so a changed flag or help text
/// is a visible diff in review. The commands are found by walking the SUBCOMMANDS sections of the
/// help itself, starting at `tokenwarden --help`: a new subcommand gets a golden file without this
/// test naming it, and a golden file of a command that is gone fails the test.
final class HelpGoldenTests: CLITestCase {
    /// A fixed width, so the wrapping does not follow the terminal the tests run in.
    static let environment = ["COLUMNS": "100"]

    func testHelpOfEveryCommandMatchesItsGoldenFile() throws {
        var pending: [[String]] = [[]], seen: [String] = []
        while !pending.isEmpty {
            let command = pending.removeFirst()
            let r = try run(command + ["--help"], environment: Self.environment)
            XCTAssertEqual(r.status, 0, "tokenwarden \(command.joined(separator: " ")) --help: \(r.stderr)")
            let name = Self.goldenName(command)
            seen.append(name)
            try Golden.assertMatches(r.stdout, "help/" + name)
            pending += Self.subcommands(inHelp: r.stdout).map { command + [$0] }
        }
        XCTAssertTrue(
            seen.contains("scan.golden") && seen.contains("baseline-create.golden") && seen.contains("store-add.golden"), "\(seen)")
        let stored = try FileManager.default.contentsOfDirectory(atPath: Golden.url("help").path).filter { $0.hasSuffix(".golden") }
        XCTAssertEqual(Set(stored).subtracting(seen).sorted(), [], "golden files of commands that no longer exist")
    }

    /// `tokenwarden.golden`, `scan.golden`, `baseline-create.golden`, …
    static func goldenName(_ command: [String]) -> String {
        (command.isEmpty ? "tokenwarden" : command.joined(separator: "-")) + ".golden"
    }

    /// The first word of each entry under `SUBCOMMANDS:`, without ArgumentParser's own `help`.
    static func subcommands(inHelp help: String) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
        var names: [String] = []
        for line in lines[(start + 1)...] {
            if line.isEmpty { break }
            // Entries are indented by two spaces; wrapped abstracts by more.
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first else { continue }
            if word != "help" { names.append(String(word)) }
        }
        return names
    }
}
