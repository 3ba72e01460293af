import Foundation
import Synchronization
import TokenWarden

/// Ctrl-C, a CI job's SIGTERM or a closed terminal in the middle of `scan URL` (or `--repos`) must not
/// leave a clone of someone's repository in the temporary directory. The C handler only writes the
/// signal's number to a pipe (what a handler may safely do, on whichever thread took the signal); a
/// thread of its own reads it, ends the git processes, deletes the clones and ends the process as
/// the signal would have.
enum CloneCleanup {
    nonisolated(unsafe) private static var pipeEnds: [Int32] = [-1, -1]
    private static let interrupted = Atomic<Bool>(false)

    static func install() {
        guard pipe(&pipeEnds) == 0 else { return }
        for fd in pipeEnds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let reader = pipeEnds[0]
        Thread {
            var number: Int32 = 0
            while read(reader, &number, MemoryLayout<Int32>.size) != MemoryLayout<Int32>.size {
                if errno != EINTR { return }
            }
            interrupted.store(true, ordering: .sequentiallyConsistent)
            RepositoryClone.removeAll()
            signal(number, SIG_DFL)
            raise(number)
            _exit(128 + number)
        }.start()
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number) { sig in
                var value = sig
                _ = write(CloneCleanup.pipeEnds[1], &value, MemoryLayout<Int32>.size)
            }
        }
    }

    /// Called before the process exits: once a signal has come, the main thread (which may just have
    /// seen git end, killed by the cleanup) waits for the cleanup to end the process by the signal.
    static func waitIfInterrupted() {
        while interrupted.load(ordering: .sequentiallyConsistent) { sleep(1) }
    }
}
