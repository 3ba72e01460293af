#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// read(2) and write(2) under a name that no type's own `read`/`write` method shadows, and that
/// builds on Linux (Glibc) and macOS (Darwin) alike.
public enum SystemIO {
    /// Reads up to `count` bytes into `buffer`; the byte count, 0 at end of file, or -1 with `errno`.
    public static func read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    /// Writes up to `count` bytes from `buffer`; the byte count written, or -1 with `errno`.
    public static func write(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }
}
