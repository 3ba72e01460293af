import ArgumentParser
import Foundation
import TokenWarden

/// What to scan and with which settings: shared by `scan` and `baseline create`.
struct ScanArguments: ParsableArguments {
    @Argument(help: "Files or directories to scan, or - for standard input (default: .). With a git mode: the repository.")
    var paths: [String] = []

    @Flag(help: "Scan only what the next commit adds (the index against HEAD): for pre-commit hooks.")
    var staged = false

    @Option(name: .customLong("diff"), help: ArgumentHelp("Scan the lines added by the commits of a range, e.g. origin/main..HEAD.", valueName: "A..B"))
    var range: String?

    @Option(help: ArgumentHelp("Scan the lines added since REF (REF..HEAD).", valueName: "REF"))
    var since: String?

    @Flag(help: "Scan every blob in the history of HEAD once (with --branches or --all: of those refs).")
    var history = false

    @Flag(help: "With --history: every local branch.")
    var branches = false

    @Flag(help: "With --history: every ref (branches, tags, remotes, stashes).")
    var all = false

    @Option(help: ArgumentHelp("Scan only shard K of N (1-based) of the work, for parallel CI jobs.", valueName: "K/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Skip files larger than this many bytes (default 10 MiB, or the config's max_file_size).", valueName: "bytes"))
    var maxFileSize: Int?

    @Option(help: ArgumentHelp("The config file (default: .tokenwarden.yaml when present).", valueName: "path"))
    var config: String?

    // A file, not the key itself: arguments show in `ps` and shell history.
    @Option(help: ArgumentHelp("Key report and baseline fingerprints (HMAC-SHA-256) with the contents of this file (default: $TOKENWARDEN_FINGERPRINT_KEY).", valueName: "path"))
    var fingerprintKeyFile: String?

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if let maxFileSize, maxFileSize <= 0 { throw ValidationError("--max-file-size must be a positive number of bytes") }
        let modes = [staged, range != nil, since != nil, history].filter { $0 }.count
        if modes > 1 { throw ValidationError("choose one of --staged, --diff, --since and --history") }
        if (branches || all) && !history { throw ValidationError("--branches and --all go with --history") }
        if branches && all { throw ValidationError("choose one of --branches and --all") }
        if modes == 1 && paths.count > 1 { throw ValidationError("with --staged, --diff, --since or --history, name at most one repository path") }
        if staged && shard != nil { throw ValidationError("--shard does not go with --staged") }
    }

    var isGitMode: Bool { staged || range != nil || since != nil || history }

    var selection: InputSelection {
        let repository = paths.first ?? "."
        if staged { return .staged(repository: repository) }
        if let range { return .diff(range: range, repository: repository) }
        if let since { return .diff(range: "\(since)..HEAD", repository: repository) }
        if history { return .history(refs: all ? .all : branches ? .branches : .head, repository: repository) }
        return .paths(paths)
    }

    /// Flags, config and environment resolved into one request.
    func request(showSecrets: Bool, baseline: String? = nil, useBaseline: Bool = true) throws -> ScanRequest {
        let config = try Config.locate(option: self.config)
        var rules = try ruleOptions.loadRules()
        for path in config.rulePaths { rules += try RuleLoader.load(path: path) }
        try RuleLoader.checkUniqueIDs(rules)
        var request = ScanRequest(selection: selection, rules: try config.adjust(rules))
        request.config = config
        request.maxFileSize = maxFileSize ?? config.maxFileSize ?? 10 * 1024 * 1024
        request.showSecrets = showSecrets
        request.shard = try shard.map(Shard.init(parsing:))
        let located = try storeOptions.load(configured: config.storePath)
        request.store = located?.store
        request.storeKey = TokenStore.key()
        request.fingerprintKey = try FingerprintKey.resolve(file: fingerprintKeyFile)
        if useBaseline, let path = baseline ?? config.baseline {
            guard FileManager.default.fileExists(atPath: path) else { throw InputError("\(path): no such baseline") }
            request.baseline = try Baseline.load(path: path)
        }
        return request
    }
}
