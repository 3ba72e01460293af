import Foundation
import TokenWarden

/// A yes/no question asked on the controlling terminal (`/dev/tty`), not on standard input, which
/// may be the piped tokens. Without a terminal there is no one to ask: the caller refuses.
enum Confirmation {
    /// true for "y"/"yes"; nil when the process has no terminal.
    static func ask(_ question: String) -> Bool? {
        let tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard tty >= 0 else { return nil }
        defer { close(tty) }
        guard isatty(tty) != 0 else { return nil }
        let prompt = Array((question + " [y/N] ").utf8)
        _ = prompt.withUnsafeBytes { write(tty, $0.baseAddress, $0.count) }
        let answer = String(decoding: HiddenPrompt.readLine(from: tty) ?? [], as: UTF8.self)
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
