import Foundation

/// One unit of scan work, produced by an input source.
public enum ScanTarget: Sendable {
    /// A file on disk, read by the worker that scans it (so reading runs in parallel too).
    /// The path is raw bytes: file names need not be valid UTF-8; `display` is for reports.
    case file(path: [UInt8], display: String)
    /// Bytes already in memory (standard input, a git blob).
    case blob(Blob)
    /// Something the source itself had to pass over (a huge or missing git blob).
    case skipped(Skip)
}

/// A file the scan did not look at, and why. Every skip is counted and listed, never silent.
public struct Skip: Codable, Hashable, Sendable {
    public enum Reason: String, Codable, Sendable {
        case binary, tooLarge = "too-large", unreadable, symlink, notRegular = "not-a-regular-file", missing
        /// An archive (or member) past a zip-bomb limit: compression ratio, total size, entry count, nesting.
        case archiveLimit = "archive-limit"
        /// An archive (or member) that does not unpack: truncated, bad checksum, unknown method.
        case corrupt
        /// A file whose text was scanned but whose encoded runs (base64, hex, …) were not all decoded:
        /// the per-file decode budget ran out.
        case decodeLimit = "decode-limit"
    }
    public var path: String
    public var reason: Reason
    public var detail: String

    public init(path: String, reason: Reason, detail: String) {
        self.path = path
        self.reason = reason
        self.detail = detail
    }
}

/// Scan work handed out to the scanner's workers; `next()` is called from every worker thread
/// and returns nil when the work is done.
public protocol TargetStream: Sendable {
    func next() -> ScanTarget?
    /// How many targets there are in all, when known (for progress).
    var total: Int? { get }
}

/// Targets known up front.
public final class TargetList: TargetStream {
    private let targets: [ScanTarget]
    private let index = LockedBox(0)

    public init(_ targets: [ScanTarget]) { self.targets = targets }

    public var total: Int? { targets.count }

    public func next() -> ScanTarget? {
        index.update { i -> ScanTarget? in
            guard i < targets.count else { return nil }
            i += 1
            return targets[i - 1]
        }
    }
}

/// Targets produced by a reader thread (a git pipe) while workers scan: the queue holds at most
/// `capacity` items and `maxBytes` of blob data, so a huge history never sits in memory at once.
public final class TargetQueue: TargetStream, @unchecked Sendable {
    private let queue: BlockingQueue<ScanTarget>
    private let knownTotal: LockedBox<Int?>

    public init(total: Int?, capacity: Int = 256, maxBytes: Int = 64 << 20) {
        knownTotal = LockedBox(total)
        queue = BlockingQueue(capacity: capacity, maxWeight: maxBytes) { target in
            if case .blob(let b) = target { return b.bytes.count }
            return 0
        }
    }

    /// Known once the producer has listed everything.
    public var total: Int? { knownTotal.value }

    func setTotal(_ total: Int) { knownTotal.value = total }

    /// Blocks while the queue is full.
    public func put(_ target: ScanTarget) { queue.put(target) }

    /// No more items: workers drain what is left, then stop.
    public func close() { queue.close() }

    public func next() -> ScanTarget? { queue.next() }
}
