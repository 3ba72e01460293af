import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock (flock) on `PATH.lock`, for read-modify-write of a shared file:
/// a second writer waits until the first has renamed its new version into place. The lock file
/// is never removed: removing it would let a waiter and a newcomer lock two different files.
enum FileLock {
    static func holding<T>(beside path: String, _ body: () throws -> T) throws -> T {
        let lockPath = path + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw InputError("cannot lock \(path): \(String(cString: strerror(errno)))") }
        // Closing the descriptor releases the lock, also when the process is killed.
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw InputError("cannot lock \(path): \(String(cString: strerror(errno)))") }
        }
        return try body()
    }
}
