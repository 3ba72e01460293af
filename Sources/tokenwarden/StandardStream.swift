import Foundation
import TokenWarden

/// Every byte the CLI writes to standard output or standard error goes through these two sinks,
/// with write(2). SIGPIPE is ignored (main.swift), so a reader that has gone away (`scan | head -1`)
/// shows up as EPIPE — which Foundation's `FileHandle.write` turns into a crash. The sink then
/// drops later writes quietly, as ripgrep does; the command still writes its report files and exits
/// with the scan's own status (see `ScanCommand`).
///
/// Standard output is buffered: reports stream into it, and it is flushed before anything is said on
/// standard error (so a terminal shows the two in order) and at exit (`finish`). Standard error
/// writes through.
enum StandardStream {
    static let standardOutput = DescriptorSink(descriptor: STDOUT_FILENO, target: "to standard output")
    static let standardError = DescriptorSink(descriptor: STDERR_FILENO, target: "to standard error", capacity: 0)

    /// For messages, and messages about failures, which have nowhere else to go when this fails too.
    /// What standard output has buffered goes first; a failure to write it is thrown again by `finish`.
    static func writeError(_ text: String) {
        try? standardOutput.flush()
        try? standardError.write(text)
    }

    /// Flushes standard output and exits with `status`, or with 2 when standard output could not be
    /// written (a full disk): a report that is not all there is an error.
    static func finish(_ status: Int32) -> Never {
        do {
            try standardOutput.flush()
        } catch {
            try? standardError.write("tokenwarden: error: \(error)\n")
            exit(2)
        }
        exit(status)
    }
}
