/// `--shard K/N`: a deterministic split of the work so N jobs together scan everything once.
public struct Shard: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let index: Int  // 1-based K
    public let count: Int  // N

    /// The whole work, unsplit.
    public static let whole = Shard(index: 1, count: 1)

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with 1 ≤ K ≤ N.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else {
            throw InputError("--shard must be K/N with 1 <= K <= N, not '\(text)'")
        }
        self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    public static func < (a: Shard, b: Shard) -> Bool { (a.count, a.index) < (b.count, b.index) }

    /// Whether this shard owns the work item keyed by `key` (a blob id or a path): FNV-1a, stable across runs.
    public func owns(_ key: String) -> Bool {
        guard count > 1 else { return true }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return Int(hash % UInt64(count)) == index - 1
    }

    /// Whether this shard owns the work item at `position` (0-based) of a list every shard reads
    /// alike: round-robin, so N shards of a short list each get their share.
    public func owns(position: Int) -> Bool { position % count == index - 1 }
}

/// In reports, a shard is its `K/N` text.
extension Shard: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a shard K/N: '\(text)'"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
