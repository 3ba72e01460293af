import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A long-running git child process whose output is read as a stream (log, cat-file),
/// so memory stays bounded however large the repository is.
final class GitProcess {
    let process = Process()
    let output: ByteReader
    private let stdinPipe = Pipe()
    private let stderrText = LockedBox(Data())
    private let stderrDone = DispatchGroup()
    let arguments: [String]

    init(_ arguments: [String], in directory: String) throws {
        self.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdinPipe
        do { try process.run() } catch {
            throw InputError("cannot run git: \(error.localizedDescription)")
        }
        output = ByteReader(fd: out.fileHandleForReading.fileDescriptor)
        let box = stderrText
        DispatchQueue.global().async(group: stderrDone) { box.value = err.fileHandleForReading.readDataToEndOfFile() }
    }

    /// Writes to git's standard input; false when git has gone away (the caller then stops writing).
    /// POSIX write, not FileHandle, so a closed pipe is an error code rather than a crash
    /// (SIGPIPE is ignored by the CLI).
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        let fd = stdinPipe.fileHandleForWriting.fileDescriptor
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    func closeInput() { try? stdinPipe.fileHandleForWriting.close() }

    /// The git subcommand, for messages: the first argument that is not an option (or the value of `-c`).
    private var subcommand: String {
        var i = 0
        while i < arguments.count {
            if arguments[i] == "-c" { i += 2; continue }
            if !arguments[i].hasPrefix("-") { return arguments[i] }
            i += 1
        }
        return ""
    }

    /// Waits for git to exit; a failure becomes a one-line `InputError` with git's first error line.
    func finish() throws {
        closeInput()
        process.waitUntilExit()
        stderrDone.wait()
        guard process.terminationStatus == 0 else {
            let lines = String(decoding: stderrText.value, as: UTF8.self).split(whereSeparator: \.isNewline)
            let message = lines.first { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") } ?? lines.first
            throw InputError("git \(subcommand): \(message.map(String.init) ?? "exit \(process.terminationStatus)")")
        }
    }
}
