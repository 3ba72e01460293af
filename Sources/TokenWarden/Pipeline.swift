/// Everything one scan needs, resolved from flags, config and environment by the CLI.
public struct ScanRequest: Sendable {
    public var selection: InputSelection
    public var rules: [Rule]
    public var config = Config()
    /// Set by the CLI from the flag and the config (`ScanRequest` never guesses its own).
    public var maxFileSize = ScanOptions.defaultMaxFileSize
    public var showSecrets = false
    public var shard: Shard?
    public var store: TokenStore?
    public var storeKey: [UInt8]?
    public var baseline: Baseline?
    /// Which settings files were read (for --verbose).
    public var settingsUsed: [String] = []
    /// What the user must hear about the settings (a range that changes them).
    public var settingsNotes: [String] = []
    /// Keys the fingerprints of reports and baselines (not the store's).
    public var fingerprintKey: FingerprintKey?
    /// Zip-bomb limits for archives.
    public var archives = ArchiveLimits()
    /// Decoding of encoded runs (depth 0: off).
    public var decoding = DecodeLimits()

    public init(selection: InputSelection, rules: [Rule]) {
        self.selection = selection
        self.rules = rules
    }
}

/// What a scan produced, after every stage.
public struct ScanOutcome: Sendable {
    public var result: ScanResult
    /// Things the user should know (a shallow clone, ...).
    public var notes: [String]
    /// Baseline entries that matched nothing this time.
    public var staleBaseline: [Baseline.Entry]
}

/// The pipeline, in one direction: input → blobs → matcher → findings → store verdicts →
/// allow list and baseline → blocking decision. Only inputs read; nothing here writes.
public enum Pipeline {
    /// `progress` is called with the live counters before the scan and returns a function to call after it.
    public static func run(_ request: ScanRequest, progress: ((ScanProgress, InputSelection) -> () -> Void)? = nil) throws -> ScanOutcome {
        var options = ScanOptions()
        options.maxFileSize = request.maxFileSize
        options.showSecrets = request.showSecrets
        options.fingerprintKey = request.fingerprintKey
        options.archives = request.archives
        options.decoding = request.decoding
        if let store = request.store { options.store = try StoreIndex(store, key: request.storeKey) }
        options.allowSecrets = try request.config.allowSecretPatterns.map { try PCRE2Pattern($0) }
        let exclude = try PathFilter(globs: request.config.excludePaths)

        // Building the rule set (the keyword automaton over every rule) overlaps the git calls of `prepare`.
        let rules = request.rules
        let building = Background { RuleSet(rules) }
        let input = try request.selection.prepare(
            maxFileSize: request.maxFileSize, shard: request.shard, exclude: exclude.isEmpty ? nil : exclude)
        let counter = ScanProgress(input.stream)
        let stop = progress?(counter, request.selection)
        let ruleSet = try building.value()
        var result = Scanner(ruleSet: ruleSet, options: options).scan(input.stream, preSkipped: input.skipped, progress: counter)
        stop?()
        if let failure = input.failure { result.errors.append(ScanError(failure.kind == .git ? .git : .input, failure.description)) }
        if let listing = input.historyListing {
            // History findings move to the commit that introduced their blob, then repeats collapse.
            for i in result.findings.indices {
                if let blob = result.findings[i].blob, let origin = listing.introduced[blob] {
                    result.findings[i].provenance = result.findings[i].provenance.replacingRoot(with: origin)
                }
            }
            HistoryCollapse.apply(to: &result, renames: listing.renames)
            result.findings.sort(by: Scanner.reportOrder)
        }

        if var store = request.store, let index = options.store {
            if let policy = request.config.policy { store.policy = policy }
            Enrichment(store: store, index: index, rules: request.rules).apply(to: &result)
        }
        let allowed = Set(request.config.allowFingerprints.map { $0.lowercased() })
        if !allowed.isEmpty {
            let before = result.findings.count
            result.findings.removeAll { allowed.contains($0.fingerprint) }
            result.summary.allowlisted += before - result.findings.count
        }
        let stale = request.baseline?.apply(to: &result, ruleIDs: RuleIDs(request.rules)) ?? []
        request.config.failOn.apply(to: &result)
        result.countFindings()
        let mismatch = request.baseline?.keyMismatch(scanningWith: request.fingerprintKey)
        return ScanOutcome(result: result, notes: request.settingsNotes + input.notes + [mismatch].compactMap { $0 }, staleBaseline: stale)
    }
}
