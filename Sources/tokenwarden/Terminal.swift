import Foundation

/// Standard error helpers for the CLI.
enum Terminal {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static var standardErrorIsInteractive: Bool { isatty(2) != 0 }
}
