import Foundation

/// Standard error helpers for the CLI.
enum Terminal {
    static func error(_ line: String) {
        StandardStream.writeError(line + "\n")
    }

    static var standardErrorIsInteractive: Bool { isatty(2) != 0 }
}
