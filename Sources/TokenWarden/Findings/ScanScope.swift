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
    /// On a merge made with `--allow-partial`: the shards it lacked. Such a report is partial, and says
    /// so outright (`partial`), so a reader that knows nothing of shards still sees it.
    public var missingShards: [Shard]? {
        didSet { partial = isPartial ? true : nil }
    }
    private(set) var partial: Bool?

    public init(shard: Shard, identity: InputIdentity, settingsDigest: String) {
        (self.shard, self.settingsDigest) = (shard, settingsDigest)
        (mode, input, inputDigest) = (identity.mode, identity.input, identity.digest)
    }

    /// Whether shards are known to be missing from this report.
    public var isPartial: Bool { !(missingShards ?? []).isEmpty }

    enum CodingKeys: String, CodingKey {
        case shard, mode, input, inputDigest = "input_digest", settingsDigest = "settings_digest"
        case missingShards = "missing_shards", partial
    }
}
