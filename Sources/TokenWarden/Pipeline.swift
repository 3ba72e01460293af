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
    /// How many `git cat-file` processes inflate git blobs at once (nil: one per core).
    public var catFileProcesses: Int?
    /// `scan --verify`: how to ask each finding's service about its secret (nil: nothing is sent).
    public var verification: VerificationSettings?
    /// `--only-verified`: keep only the findings verified as valid.
    public var onlyVerified = false
    /// What sends the requests (tests put a fake here); nil: libcurl (`CurlTransport`).
    public var transport: (any HTTPTransport)?

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
        let stages = try Stages(request)
        var (result, identity, notes): (ScanResult, InputIdentity, [String])
        if case .repositories(let list, let refs) = request.selection {
            (result, notes) = RepositoryAudit(list: list, refs: refs, stages: stages).run(shard: request.shard, progress: progress)
            identity = InputIdentity(mode: refs.modeName(of: "repos"), input: list.file, content: [list.digest])
        } else if case .remote(let remote, let refs) = request.selection {
            (result, identity, notes) = try stages.scan(remote, refs: refs, shard: request.shard, progress: progress)
        } else {
            (result, identity, notes) = try stages.scan(request.selection, shard: request.shard, progress: progress)
        }
        result.scope = ScanScope(shard: request.shard ?? .whole, identity: identity, settingsDigest: request.settingsDigest)
        return stages.decide(result, notes: notes)
    }

    /// The stages a request sets up once: the scanner's options, the exclusions, the rule set.
    struct Stages {
        let request: ScanRequest
        let options: ScanOptions
        let exclude: PathFilter?
        /// Built on its own thread: the keyword automaton over every rule overlaps the git calls of `prepare`.
        let ruleSet: Background<RuleSet>

        init(_ request: ScanRequest) throws {
            self.request = request
            var options = ScanOptions()
            options.maxFileSize = request.maxFileSize
            options.showSecrets = request.showSecrets
            options.fingerprintKey = request.fingerprintKey
            options.archives = request.archives
            options.decoding = request.decoding
            options.keepNeighbourhoods = request.verification != nil
            if let store = request.store { options.store = try StoreIndex(store, key: request.storeKey) }
            options.allowSecrets = try request.config.allowSecretPatterns.map { try PCRE2Pattern($0) }
            self.options = options
            let exclude = try PathFilter(globs: request.config.excludePaths)
            self.exclude = exclude.isEmpty ? nil : exclude
            let rules = request.rules
            ruleSet = Background { RuleSet(rules) }
        }

        /// One input through the scanner and history attribution: findings before any verdict.
        func scan(
            _ selection: InputSelection, shard: Shard?, progress: ((ScanProgress, InputSelection) -> () -> Void)?
        ) throws -> (ScanResult, InputIdentity, [String]) {
            let input = try selection.prepare(
                maxFileSize: request.maxFileSize, shard: shard, exclude: exclude, catFileProcesses: request.catFileProcesses)
            let counter = ScanProgress(input.stream)
            let stop = progress?(counter, selection)
            var result = Scanner(ruleSet: try ruleSet.value(), options: options).scan(
                input.stream, preSkipped: input.skipped, progress: counter)
            stop?()
            if let failure = input.failure { result.errors.append(ScanError(failure.kind == .git ? .git : .input, failure.description)) }
            if let listing = input.historyListing {
                // History findings move to the commit that introduced their blob, then repeats collapse.
                for i in result.findings.indices {
                    if let blob = result.findings[i].blob, let origin = listing.introduction(of: blob) {
                        result.findings[i].provenance = result.findings[i].provenance.replacingRoot(with: origin)
                    }
                }
                HistoryCollapse.apply(to: &result, renames: listing.renames)
                result.findings.sort(by: Scanner.reportOrder)
            }
            return (result, input.identity, input.notes)
        }

        /// A URL's history: cloned into a temporary directory (removed afterwards, whatever happens),
        /// scanned like a local history; the identity names the URL, never the clone's path.
        func scan(
            _ remote: RemoteRepository, refs: GitHistorySource.Refs, shard: Shard?,
            progress: ((ScanProgress, InputSelection) -> () -> Void)?
        ) throws -> (ScanResult, InputIdentity, [String]) {
            let clone = try RepositoryClone(remote.url, label: remote.label, transports: RemoteRepository.transports)
            defer { clone.remove() }
            var (result, identity, notes) = try scan(.history(refs: refs, repository: clone.path), shard: shard, progress: progress)
            identity.input = remote.label
            result.errors = result.errors.map {
                ScanError($0.kind, $0.message.replacingOccurrences(of: clone.path, with: remote.label), path: $0.path)
            }
            return (result, identity, [remote.transportNote].compactMap { $0 } + notes)
        }

        /// Live verdicts on what is left after the allow list and the baseline; `--only-verified`
        /// then keeps the valid ones (and counts the others). Neighbourhoods go once used.
        func verify(_ result: inout ScanResult, _ settings: VerificationSettings) {
            let transport = request.transport ?? CurlTransport(timeout: settings.timeout)
            Verifier(settings: settings, transport: transport).apply(to: &result)
            LiveScopes.apply(to: &result, policy: request.config.policy ?? request.store?.policy ?? Policy(), store: request.store)
            for i in result.findings.indices { result.findings[i].neighbourhood = nil }
            // A dry run verifies nothing, so --only-verified would hide the very plan it is for.
            if request.onlyVerified && !settings.dryRun {
                let before = result.findings.count
                result.findings.removeAll { $0.verification != .valid }
                result.summary.notVerified = before - result.findings.count
            }
        }

        /// Verdicts on the findings: store, allow list, baseline, blocking, counts.
        func decide(_ scanned: ScanResult, notes: [String]) -> ScanOutcome {
            var result = scanned
            if var store = request.store, let index = options.store {
                if let policy = request.config.policy { store.policy = policy }
                Enrichment(store: store, index: index, rules: request.rules).apply(to: &result)
            }
            let allowed = Set(request.config.allowFingerprints.map { $0.lowercased() })
            let paths = request.config.allowPathPatterns.compactMap { try? PCRE2Pattern($0) }  // checked when the config was read
            if !allowed.isEmpty || !paths.isEmpty {
                let before = result.findings.count
                let scratch = MatchScratch()
                result.findings.removeAll { finding in
                    allowed.contains(finding.fingerprint) || paths.contains { $0.occurs(in: finding.path, scratch: scratch) }
                }
                result.summary.allowlisted += before - result.findings.count
            }
            let stale = request.baseline?.apply(to: &result, ruleIDs: RuleIDs(request.rules)) ?? []
            if let settings = request.verification { verify(&result, settings) }
            request.config.failOn.apply(to: &result)
            result.countFindings()
            let mismatch = request.baseline?.keyMismatch(scanningWith: request.fingerprintKey)
            return ScanOutcome(
                result: result, notes: request.settingsNotes + notes + [mismatch].compactMap { $0 }, staleBaseline: stale)
        }
    }
}
