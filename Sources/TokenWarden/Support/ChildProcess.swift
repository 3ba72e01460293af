import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process started with `posix_spawnp`, its standard streams on pipes.
/// Foundation's `Process` waits for exit by polling a run loop, which adds tens to hundreds of
/// milliseconds per git call: too slow for a pre-commit hook that runs git several times.
final class ChildProcess: @unchecked Sendable {
    let pid: pid_t
    /// Our ends of the child's stdin (write) and stdout (read).
    let stdinFD: Int32
    let stdoutFD: Int32
    private let stderrText = LockedBox([UInt8]())
    private let stderrDone = DispatchSemaphore(value: 0)
    private var stdinOpen = true
    /// Children started and not yet waited for, for `terminateAll()`.
    private static let running = LockedBox<Set<pid_t>>([])

    /// `environment` replaces the inherited one when given (as `NAME=value` entries).
    init(_ arguments: [String], environment: [String]? = nil) throws {
        var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            throw InputError("cannot run \(arguments.first ?? ""): \(String(cString: strerror(errno)))")
        }
        // Our ends must not leak into other children (a leaked write end would keep a pipe open).
        for fd in inPipe + outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil  // an opaque pointer on Darwin
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var envp: [UnsafeMutablePointer<CChar>?]? = environment.map { $0.map { strdup($0) } + [nil] }
        defer { envp?.forEach { free($0) } }
        var child: pid_t = 0
        let rc: Int32
        if envp != nil {
            rc = posix_spawnp(&child, arguments[0], &actions, nil, &argv, &envp!)
        } else {
            #if canImport(Darwin)
            rc = posix_spawnp(&child, arguments[0], &actions, nil, &argv, _NSGetEnviron().pointee)
            #else
            rc = posix_spawnp(&child, arguments[0], &actions, nil, &argv, environ)
            #endif
        }
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        guard rc == 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            throw InputError("cannot run \(arguments[0]): \(String(cString: strerror(rc)))")
        }
        pid = child
        _ = Self.running.update { $0.insert(child) }
        stdinFD = inPipe[1]
        stdoutFD = outPipe[0]
        let errFD = errPipe[0], box = stderrText, done = stderrDone
        // Drain stderr concurrently so a chatty child cannot block on a full pipe.
        Thread {
            var collected: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = buffer.withUnsafeMutableBytes { SystemIO.read(errFD, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                if collected.count < 64 * 1024 { collected += buffer[0..<n] }
            }
            close(errFD)
            box.value = collected
            done.signal()
        }.start()
    }

    /// Writes to the child's stdin; false once the child stopped reading (SIGPIPE is ignored).
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { SystemIO.write(stdinFD, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    func closeInput() {
        if stdinOpen { close(stdinFD); stdinOpen = false }
    }

    func terminate() { kill(pid, SIGTERM) }

    /// Sends SIGTERM to every child still running: when a signal ends tokenwarden, before it removes
    /// what they write into.
    static func terminateAll() {
        for pid in running.value { kill(pid, SIGTERM) }
    }

    /// Waits for exit; returns the exit status (128+signal when killed) and what it wrote to stderr.
    func wait() -> (status: Int32, stderr: [UInt8]) {
        closeInput()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        _ = Self.running.update { $0.remove(pid) }
        stderrDone.wait()
        close(stdoutFD)
        let exited = (status & 0x7F) == 0
        return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), stderrText.value)
    }

    /// Runs to completion and returns stdout.
    static func output(_ arguments: [String], environment: [String]? = nil) throws -> (status: Int32, stdout: [UInt8], stderr: [UInt8]) {
        let child = try ChildProcess(arguments, environment: environment)
        child.closeInput()
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { SystemIO.read(child.stdoutFD, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            out += buffer[0..<n]
        }
        let (status, err) = child.wait()
        return (status, out, err)
    }
}
