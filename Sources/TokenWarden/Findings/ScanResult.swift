/// Counts for the summary line and the JSON report.
public struct ScanSummary: Codable, Sendable, Equatable {
    public var filesScanned = 0
    public var bytesScanned = 0
    public var filesSkipped = 0
    public var findings = 0
    public var blocking = 0
    public var suppressed = 0
    /// Hidden by the config's allow list (fingerprints or secret patterns).
    public var allowlisted = 0
    /// Hidden by `--baseline`.
    public var baselined = 0
    /// Hidden by `--only-verified` (not verified as valid); nil without it.
    public var notVerified: Int?
    public var durationMilliseconds = 0

    enum CodingKeys: String, CodingKey {
        case filesScanned = "files_scanned", bytesScanned = "bytes_scanned", filesSkipped = "files_skipped"
        case findings, blocking, suppressed, allowlisted, baselined, notVerified = "not_verified", durationMilliseconds = "duration_ms"
    }
}

/// Everything a scan produced: the input to enrichment and to every report.
public struct ScanResult: Sendable {
    public var findings: [Finding] = []
    public var skipped: [Skip] = []
    public var errors: [ScanError] = []
    public var summary = ScanSummary()
    /// Which shard of which input this is (set by the pipeline and by `merge`).
    public var scope: ScanScope?

    /// The one place exit codes are decided: 1 when anything blocks, 2 when the scan could not
    /// read everything it was asked to (so "nothing found" would be a false promise) or is a merge
    /// that lacks shards, else 0.
    public var exitCode: Int32 {
        if findings.contains(where: \.blocking) { return 1 }
        return isIncomplete ? 2 : 0
    }

    /// Whether the scan missed something it was asked to read: an error, a file it could not read, or
    /// (for a merge) a shard that is missing.
    public var isIncomplete: Bool {
        skipped.contains(where: { $0.reason == .unreadable }) || !errors.isEmpty || scope?.isPartial == true
    }

    /// The summary's finding counts, from the final findings: called once, when every stage is done.
    public mutating func countFindings() {
        summary.findings = findings.count
        summary.blocking = findings.filter(\.blocking).count
    }
}
