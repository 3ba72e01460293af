/// What a report covers: which shard of which input, scanned under which settings. `merge` joins
/// only the N shards of one input under one set of settings, each exactly once, so a missing or
/// repeated CI job cannot pass for a complete audit.
public struct ScanScope: Codable, Sendable, Equatable {
    /// `K/N`; `1/1` for an unsharded scan and for a complete merge.
    public var shard: Shard
    /// What was scanned: `paths`, `staged`, `diff`, `history` (`history --all`, …) or `repos` (`repos --all`, …).
    public var mode: String
    /// The scanned root, range or repository list file, as this machine saw it (informational: CI jobs may
    /// check out to different places).
    public var input: String
    /// SHA-256 of what the input was: the listed paths, the refs' commits, the range's ends, the list
    /// file's bytes. Shards of one input have the same digest.
    public var inputDigest: String
    /// SHA-256 of the rules and every setting that changes findings (config, limits, fingerprint key id).
    public var settingsDigest: String
    /// On a merge made with `--allow-partial`: the shards it lacked. Such a report is partial.
    public var missingShards: [Shard]?

    public init(shard: Shard, mode: String, input: String, inputDigest: String, settingsDigest: String) {
        self.shard = shard
        self.mode = mode
        self.input = input
        self.inputDigest = inputDigest
        self.settingsDigest = settingsDigest
    }

    /// Whether shards are known to be missing from this report.
    public var isPartial: Bool { !(missingShards ?? []).isEmpty }

    enum CodingKeys: String, CodingKey {
        case shard, mode, input, inputDigest = "input_digest", settingsDigest = "settings_digest"
        case missingShards = "missing_shards", partial
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        shard = try c.decode(Shard.self, forKey: .shard)
        mode = try c.decode(String.self, forKey: .mode)
        input = try c.decode(String.self, forKey: .input)
        inputDigest = try c.decode(String.self, forKey: .inputDigest)
        settingsDigest = try c.decode(String.self, forKey: .settingsDigest)
        missingShards = try c.decodeIfPresent([Shard].self, forKey: .missingShards)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(shard, forKey: .shard)
        try c.encode(mode, forKey: .mode)
        try c.encode(input, forKey: .input)
        try c.encode(inputDigest, forKey: .inputDigest)
        try c.encode(settingsDigest, forKey: .settingsDigest)
        // `partial` is said outright, so a reader that knows nothing of shards still sees it.
        if isPartial {
            try c.encode(true, forKey: .partial)
            try c.encode(missingShards, forKey: .missingShards)
        }
    }
}
