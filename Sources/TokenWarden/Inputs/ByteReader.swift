#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered reads from a file descriptor (a git pipe): lines, NUL-separated tokens and exact
/// byte counts, without ever holding more than one buffer plus the item being read.
final class ByteReader {
    private let fd: Int32
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var eof = false

    init(fd: Int32) { self.fd = fd }

    private func fill() -> Bool {
        if eof { return false }
        if start > 0 {
            buffer.replaceSubrange(0..<(end - start), with: buffer[start..<end])
            end -= start
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        while true {
            let n = buffer.withUnsafeMutableBytes { SystemIO.read(fd, $0.baseAddress! + end, $0.count - end) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { eof = true; return false }
            end += n
            return true
        }
    }

    /// Bytes up to (not including) `delimiter`, or the rest at end of input; nil when nothing is left.
    func read(until delimiter: UInt8) -> [UInt8]? {
        var scanned = start
        while true {
            if let i = buffer[scanned..<end].firstIndex(of: delimiter) {
                let item = Array(buffer[start..<i])
                start = i + 1
                return item
            }
            let consumed = end - start
            if !fill() {
                if start == end { return nil }
                let item = Array(buffer[start..<end])
                start = end
                return item
            }
            scanned = start + consumed
        }
    }

    /// Exactly `count` bytes, or nil when input ends first. What is not buffered yet is read
    /// straight into the result, so a large blob is copied once.
    func read(count: Int) -> [UInt8]? {
        let buffered = min(count, end - start)
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: count) { dest, initialized in
            let raw = UnsafeMutableRawBufferPointer(dest)
            buffer.withUnsafeBytes { raw.baseAddress!.copyMemory(from: $0.baseAddress! + start, byteCount: buffered) }
            start += buffered
            var filled = buffered
            while filled < count {
                let n = SystemIO.read(fd, raw.baseAddress! + filled, count - filled)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { failed = true; eof = true; break }
                filled += n
            }
            initialized = filled
        }
        return failed ? nil : out
    }

    /// Discards `count` bytes; false when input ends first.
    func skip(count: Int) -> Bool {
        var left = count
        while left > 0 {
            if start == end && !fill() { return false }
            let take = min(left, end - start)
            start += take
            left -= take
        }
        return true
    }
}
