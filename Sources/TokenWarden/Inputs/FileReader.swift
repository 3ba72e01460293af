#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole regular file into memory, refusing what the scan should skip:
/// non-regular files, symlinks (never followed), files over the size limit, unreadable files.
enum FileReader {
    enum Outcome {
        case bytes([UInt8])
        case skip(Skip.Reason, String)
    }

    static func load(_ rawPath: [UInt8], maxSize: Int) -> Outcome {
        let path = rawPath + [0]
        return path.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: path.count) { load(cPath: $0, maxSize: maxSize) }
        }
    }

    private static func load(cPath path: UnsafePointer<CChar>, maxSize: Int) -> Outcome {
        var st = stat()
        if lstat(path, &st) != 0 {
            return errno == ENOENT ? .skip(.missing, "no such file") : .skip(.unreadable, errorText())
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: return .skip(.symlink, "symbolic link (not followed)")
        case S_IFDIR: return .skip(.notRegular, "directory (a submodule?)")
        default: return .skip(.notRegular, "not a regular file")
        }
        if st.st_size > maxSize { return .skip(.tooLarge, "\(st.st_size) bytes > --max-file-size \(maxSize)") }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return .skip(.unreadable, errorText()) }
        defer { close(fd) }
        return readAll(fd, expected: Int(st.st_size), maxSize: maxSize)
    }

    /// Reads `fd` to its end; the size may differ from `fstat` for growing files or pipes.
    static func readAll(_ fd: Int32, expected: Int, maxSize: Int) -> Outcome {
        var buffer = [UInt8](repeating: 0, count: max(expected, 0) + 1)
        var used = 0
        while true {
            if used == buffer.count {
                if buffer.count > maxSize { return .skip(.tooLarge, "more than --max-file-size \(maxSize) bytes") }
                buffer.append(contentsOf: repeatElement(0, count: max(buffer.count, 64 * 1024)))
            }
            let n = buffer.withUnsafeMutableBytes { SystemIO.read(fd, $0.baseAddress! + used, $0.count - used) }
            if n < 0 {
                if errno == EINTR { continue }
                return .skip(.unreadable, errorText())
            }
            if n == 0 { break }
            used += n
        }
        if used > maxSize { return .skip(.tooLarge, "\(used) bytes > --max-file-size \(maxSize)") }
        buffer.removeSubrange(used...)
        return .bytes(buffer)
    }

    static func errorText() -> String { String(cString: strerror(errno)) }

    /// Git's heuristic: a NUL byte in the first 8 KiB means binary.
    static func isBinary(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(8192).contains(0)
    }
}
