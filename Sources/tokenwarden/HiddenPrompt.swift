import Foundation
import TokenWarden

/// Reads a token typed at a terminal without echoing it: the prompt goes to standard error, echo is
/// off (termios) while the line is read, and the terminal's settings come back afterwards — also when
/// Ctrl-C interrupts the read. One line, ended by Enter; no Ctrl-D needed.
enum HiddenPrompt {
    /// The line typed on `descriptor`, without its line ending; nil at end of input.
    static func readLine(prompt: String, descriptor: Int32 = STDIN_FILENO) throws -> [UInt8]? {
        var saved = termios()
        guard tcgetattr(descriptor, &saved) == 0 else {
            throw InputError("cannot read the terminal's settings: \(String(cString: strerror(errno)))")
        }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        silent.c_lflag |= tcflag_t(ECHONL | ICANON)
        Interrupt.restoring(descriptor, saved)
        defer {
            tcsetattr(descriptor, TCSAFLUSH, &saved)
            Interrupt.clear()
        }
        // Echo goes off before the prompt shows, so nothing typed after the prompt can be echoed.
        guard tcsetattr(descriptor, TCSAFLUSH, &silent) == 0 else {
            throw InputError("cannot turn off the terminal's echo: \(String(cString: strerror(errno)))")
        }
        StandardStream.writeError(prompt)
        return readLine(from: descriptor)
    }

    /// Bytes up to the first line feed (or end of input), read one at a time so nothing after the
    /// line is consumed.
    static func readLine(from descriptor: Int32) -> [UInt8]? {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let n = read(descriptor, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return line.isEmpty ? nil : line }
            if byte == 0x0A { return line }
            line.append(byte)
        }
    }

    /// Puts the terminal back when Ctrl-C ends the program in the middle of the prompt: with echo
    /// left off, the shell would show nothing the user types next.
    enum Interrupt {
        nonisolated(unsafe) static var descriptor: Int32 = -1
        nonisolated(unsafe) static var settings = termios()

        static func restoring(_ fd: Int32, _ saved: termios) {
            descriptor = fd
            settings = saved
            signal(SIGINT) { sig in
                if HiddenPrompt.Interrupt.descriptor >= 0 {
                    tcsetattr(HiddenPrompt.Interrupt.descriptor, TCSANOW, &HiddenPrompt.Interrupt.settings)
                }
                write(STDERR_FILENO, "\n", 1)
                _exit(128 + sig)
            }
        }

        static func clear() {
            signal(SIGINT, SIG_DFL)
            descriptor = -1
        }
    }
}
