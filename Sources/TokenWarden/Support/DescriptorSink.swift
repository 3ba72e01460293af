import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered sink over a file descriptor, written with write(2) when the buffer fills and on
/// `flush()`. With SIGPIPE ignored, a reader that has gone away (`scan | head -1`) shows up as EPIPE:
/// the sink then counts as closed and drops later writes quietly, as ripgrep does, so the caller
/// still writes its report files and exits with the scan's own status. Other errors are thrown, and
/// thrown again by every later write and flush, so a failure that a caller could not handle (a flush
/// before a message on standard error) is still reported at the end.
public final class DescriptorSink: ReportSink, @unchecked Sendable {
    /// Writes of this size or more skip the buffer.
    public static let defaultCapacity = 64 * 1024

    private let descriptor: Int32
    private let target: String
    private let capacity: Int
    // Guards `buffer` and `readerGone`: standard error is written from several threads.
    private let lock = NSLock()
    private var buffer: [UInt8] = []
    private var readerGone = false
    private var failure: InputError?

    /// `target` names the destination in errors (`cannot write <target>: No space left on device`);
    /// a `capacity` of 0 writes through, for standard error.
    public init(descriptor: Int32, target: String, capacity: Int = DescriptorSink.defaultCapacity) {
        self.descriptor = descriptor
        self.target = target
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        lock.lock()
        defer { lock.unlock() }
        if buffer.count + bytes.count > capacity { try drain() }
        if bytes.count >= capacity {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Writes out what is buffered.
    public func flush() throws {
        lock.lock()
        defer { lock.unlock() }
        try drain()
    }

    /// Whether a write found the reader gone.
    public var isClosed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return readerGone
    }

    private func drain() throws {
        if let failure { throw failure }
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBytes { try writeAll($0) }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        if let failure { throw failure }
        var offset = 0
        while offset < bytes.count, !readerGone {
            #if canImport(Glibc)
            let n = SystemIO.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            #else
            let n = Darwin.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            #endif
            if n >= 0 { offset += n; continue }
            switch errno {
            case EINTR, EAGAIN: continue
            case EPIPE: readerGone = true
            default:
                failure = InputError("cannot write \(target): \(String(cString: strerror(errno)))")
                throw failure!
            }
        }
    }
}
