import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files the all-or-nothing way: a temporary file in the same directory, fsync, then
/// rename over the target. A failure or a kill part-way leaves the old file as it was.
public enum AtomicFile {
    /// The permission bits of a written file.
    public enum Permissions: Sendable {
        /// `mode` less the process umask, as for any file the user creates (reports, baselines).
        /// The kernel applies the umask when open(2) creates the file, so it is never read here:
        /// umask(2) can only be read by setting it, which races with other threads creating files,
        /// and /proc/self/status is Linux-only.
        case masked(mode_t)
        /// Exactly `mode`, whatever the umask (the store: 0600, so it never becomes group-readable).
        case exactly(mode_t)

        /// What `>` in a shell would give: 0666 less the umask.
        public static let userDefault = Permissions.masked(0o666)
    }

    public static func write(_ bytes: [UInt8], to path: String, permissions: Permissions = .userDefault) throws {
        try write(to: path, permissions: permissions) { try $0.write(bytes) }
    }

    /// What `body` writes into the sink, all or nothing: a report is written as it is formatted,
    /// never held in memory whole. When `body` throws, the file is left as it was.
    public static func write(to path: String, permissions: Permissions = .userDefault, _ body: (ReportSink) throws -> Void) throws {
        let (fd, tempPath) = try createTemporary(beside: path, permissions: permissions)
        var ok = false
        defer {
            if !ok { unlink(tempPath) }
        }
        func fail() -> InputError {
            let error = InputError("cannot write \(path): \(String(cString: strerror(errno)))", kind: .write)
            close(fd)
            return error
        }
        do {
            let sink = DescriptorSink(descriptor: fd, target: path)
            try body(sink)
            try sink.flush()
        } catch {
            close(fd)
            throw error
        }
        if case .exactly(let mode) = permissions, fchmod(fd, mode) != 0 { throw fail() }
        guard fsync(fd) == 0 else { throw fail() }
        close(fd)
        guard rename(tempPath, path) == 0 else {
            throw InputError("cannot write \(path): \(String(cString: strerror(errno)))", kind: .write)
        }
        ok = true
        // Make the rename itself durable.
        let dirfd = open(directory(of: path), O_RDONLY | O_DIRECTORY)
        if dirfd >= 0 { fsync(dirfd); close(dirfd) }
    }

    public static func write(_ text: String, to path: String, permissions: Permissions = .userDefault) throws {
        try write(Array(text.utf8), to: path, permissions: permissions)
    }

    /// Removes the temporary files a killed writer of `path` left (`.NAME.tmp-XXXXXX`). Only safe
    /// while holding a lock that every writer of `path` takes: otherwise the temporary file may be
    /// another writer's, still being written.
    public static func removeStaleTemporaryFiles(of path: String) {
        let prefix = temporaryPrefix(of: path)
        let dir = directory(of: path)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names where name.hasPrefix(prefix) && name.utf8.count == prefix.utf8.count + suffixLength {
            unlink("\(dir)/\(name)")
        }
    }

    /// Where a write to `path` should land: the file a symlink (or chain of them) points to, so a
    /// linked file is updated in place of the link being replaced by a plain file.
    public static func target(of path: String) throws -> String {
        var current = path
        for _ in 0..<40 {  // Linux's own limit on links followed (ELOOP).
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = destination.hasPrefix("/") ? destination : "\(directory(of: current))/\(destination)"
        }
        throw InputError("\(path): too many levels of symbolic links")
    }

    // MARK: Temporary files

    private static let suffixLength = 6

    private static func directory(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    private static func temporaryPrefix(of path: String) -> String {
        ".\((path as NSString).lastPathComponent).tmp-"
    }

    /// Creates `.NAME.tmp-XXXXXX` beside `path` (O_EXCL, so never someone else's file) with the
    /// mode asked for; like mkstemp, which cannot take a mode and always gives 0600.
    private static func createTemporary(beside path: String, permissions: Permissions) throws -> (fd: Int32, path: String) {
        let base = "\(directory(of: path))/\(temporaryPrefix(of: path))"
        let mode: mode_t
        switch permissions {
        case .masked(let m): mode = m
        case .exactly: mode = 0o600  // Never wider than the final mode while it is written.
        }
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        for _ in 0..<100 {
            let candidate = base + String((0..<suffixLength).map { _ in letters.randomElement()! })
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if fd >= 0 { return (fd, candidate) }
            guard errno == EEXIST else { break }
        }
        throw InputError("cannot write \(path): \(String(cString: strerror(errno)))", kind: .write)
    }
}
