/// Zip-bomb limits: every one that trips is a counted skip with its reason, never a hang.
public struct ArchiveLimits: Sendable {
    /// Archives inside archives are unpacked this many levels deep (`a.zip!b.jar!c.properties` is 2).
    public var depth = 3
    /// A member that inflates more than this many times its packed size is refused (a bomb)...
    public var maxRatio = 100
    /// ...once it is larger than this: small text files can compress very well and are harmless.
    public var ratioFloor = 1 << 20
    /// Uncompressed bytes per archive, nested archives included.
    public var maxTotalBytes = 256 << 20
    /// Entries per archive.
    public var maxEntries = 10_000

    public init() {}
}

/// One thing an archive yields: a member to scan, or something passed over (`name` nil: the archive itself).
enum ArchiveItem {
    case member(name: String, bytes: [UInt8])
    case skipped(name: String?, reason: Skip.Reason, detail: String)
}

/// What is left of the limits while one archive (and the archives in it) unpacks. Owned by the
/// worker thread that scans the archive.
final class ArchiveBudget {
    let limits: ArchiveLimits
    /// Members larger than this are skipped as too large (`--max-file-size`).
    let maxMemberSize: Int
    private(set) var remaining: Int

    init(limits: ArchiveLimits, maxMemberSize: Int) {
        self.limits = limits
        self.maxMemberSize = maxMemberSize
        remaining = limits.maxTotalBytes
    }

    /// Why a member of `size` bytes (`packed` bytes in the archive, when compressed) must not be
    /// unpacked, and whether the rest of the archive must stop too; nil when it may.
    func refusal(size: Int, packed: Int?) -> (reason: Skip.Reason, detail: String, stop: Bool)? {
        if size > maxMemberSize { return (.tooLarge, "\(size) bytes > --max-file-size \(maxMemberSize)", false) }
        if let packed, exceedsRatio(size, packed) {
            return (.archiveLimit, "compression ratio over \(limits.maxRatio):1 (\(size) bytes from \(packed)): a zip bomb?", false)
        }
        if size > remaining { return totalReached }
        return nil
    }

    var totalReached: (reason: Skip.Reason, detail: String, stop: Bool) {
        (.archiveLimit, "more than \(limits.maxTotalBytes) bytes uncompressed in one archive: the rest is not unpacked", true)
    }

    func exceedsRatio(_ size: Int, _ packed: Int) -> Bool {
        size > limits.ratioFloor && size / max(packed, 1) > limits.maxRatio
    }

    func spend(_ bytes: Int) { remaining -= bytes }

    var entriesExceeded: ArchiveItem {
        .skipped(name: nil, reason: .archiveLimit, detail: "more than \(limits.maxEntries) entries: the rest is not unpacked")
    }
}
