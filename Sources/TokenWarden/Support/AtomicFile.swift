import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files the all-or-nothing way: a temporary file in the same directory, fsync, then
/// rename over the target. A failure or a kill part-way leaves the old file as it was.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws {
        try write(to: path, mode: mode) { try $0.write(bytes) }
    }

    /// What `body` writes into the sink, all or nothing: a report is written as it is formatted,
    /// never held in memory whole. When `body` throws, the file is left as it was.
    public static func write(to path: String, mode: mode_t = 0o644, _ body: (ReportSink) throws -> Void) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let dir = directory.isEmpty ? "." : directory
        var template = Array("\(dir)/.\((path as NSString).lastPathComponent).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw InputError("cannot write \(path): \(String(cString: strerror(errno)))") }
        let tempPath = String(cString: template)
        var ok = false
        defer {
            if !ok { unlink(tempPath) }
        }
        do {
            let sink = DescriptorSink(descriptor: fd, target: path)
            try body(sink)
            try sink.flush()
        } catch {
            close(fd)
            throw error
        }
        guard fchmod(fd, mode) == 0, fsync(fd) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw InputError("cannot write \(path): \(message)")
        }
        close(fd)
        guard rename(tempPath, path) == 0 else {
            throw InputError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        ok = true
        // Make the rename itself durable.
        let dirfd = open(dir, O_RDONLY | O_DIRECTORY)
        if dirfd >= 0 { fsync(dirfd); close(dirfd) }
    }

    public static func write(_ text: String, to path: String, mode: mode_t = 0o644) throws {
        try write(Array(text.utf8), to: path, mode: mode)
    }
}
