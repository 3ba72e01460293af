#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A long-running git child process whose output is read as a stream (log, cat-file),
/// so memory stays bounded however large the repository is.
final class GitProcess: @unchecked Sendable {
    private let child: ChildProcess
    let output: ByteReader
    let arguments: [String]

    /// How much of the pack files one streaming git maps at once. git's default (8 GiB of 1 GiB
    /// windows) maps a whole pack, which counts as its resident memory: on a 500k-commit history
    /// `git log` peaked at 912 MB with it and 359 MB with these, no slower.
    static let packLimits = ["-c", "core.packedGitWindowSize=32m", "-c", "core.packedGitLimit=128m"]

    init(_ arguments: [String], in directory: String) throws {
        self.arguments = arguments
        child = try ChildProcess(
            GitHardening.commandLine(GitProcess.packLimits + arguments, in: directory), environment: GitHardening.environment(in: directory)
        )
        #if os(Linux)
        // A bigger pipe (F_SETPIPE_SZ = 1031, Linux only) means fewer wake-ups while git streams megabytes.
        _ = fcntl(child.stdoutFD, 1031, 1 << 20)
        #endif
        output = ByteReader(fd: child.stdoutFD)
    }

    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool { child.write(bytes) }

    func closeInput() { child.closeInput() }

    func terminate() { child.terminate() }

    /// Waits for git to exit; a failure becomes a one-line `InputError` with git's first error line.
    func finish() throws {
        let (status, stderr) = child.wait()
        guard status == 0 else { throw Git.failure(arguments, status: status, stderr: stderr) }
    }
}
