import Foundation
import Synchronization
import TokenWarden

/// Every byte the CLI writes to standard output or standard error goes through here, with
/// write(2). SIGPIPE is ignored (main.swift), so a reader that has gone away (`scan | head -1`)
/// shows up as EPIPE — which Foundation's `FileHandle.write` turns into a crash. Here the stream is
/// marked closed and later writes are dropped quietly, as ripgrep does; the command still writes
/// its report files and exits with the scan's own status (see `ScanCommand`).
final class StandardStream: Sendable {
    static let standardOutput = StandardStream(descriptor: STDOUT_FILENO, name: "standard output")
    static let standardError = StandardStream(descriptor: STDERR_FILENO, name: "standard error")

    private let descriptor: Int32
    private let name: String
    private let readerGone = Atomic<Bool>(false)

    private init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// Fails only for a real write error (a full disk), never for a reader that stopped reading.
    func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count, !readerGone.load(ordering: .relaxed) {
            let n = bytes.withUnsafeBytes { SystemIO.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if n >= 0 { offset += n; continue }
            switch errno {
            case EINTR, EAGAIN: continue
            case EPIPE: readerGone.store(true, ordering: .relaxed)
            default: throw InputError("cannot write to \(name): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// For messages about failures, which have nowhere else to go when this fails too.
    func writeIgnoringErrors(_ text: String) {
        try? write(text)
    }
}
