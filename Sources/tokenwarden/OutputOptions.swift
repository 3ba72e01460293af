import ArgumentParser
import Foundation
import TokenWarden

/// When the text report is coloured: `auto` in a terminal unless `NO_COLOR` is set (no-color.org)
/// or `TERM=dumb`; `always` and `never` as they say, `always` even with `NO_COLOR`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    func enabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            return isTerminal && environment["TERM"] != "dumb"
        }
    }
}

/// How `scan` talks: quiet, coloured, and which exit status findings give.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only findings and errors: no summary line, notes or progress.")
    var quiet = false

    @Option(help: ArgumentHelp("Colour the text report: auto (in a terminal, unless NO_COLOR is set), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    // As gitleaks' --exit-code: the status for findings only; errors and incomplete scans still exit 2.
    @Option(
        help: ArgumentHelp(
            "Exit status when a finding blocks (0: report without failing). Errors and incomplete scans still exit 2.",
            valueName: "n"))
    var exitCode: Int32 = 1

    func validate() throws {
        if exitCode < 0 || exitCode > 125 { throw ValidationError("--exit-code must be 0 to 125") }
    }

    /// The scan's exit status under `--exit-code`: an incomplete scan is an error even when findings
    /// would have been reported only.
    func status(of result: ScanResult) -> Int32 {
        guard result.exitCode == 1 else { return result.exitCode }
        return exitCode == 0 && result.isIncomplete ? 2 : exitCode
    }
}
