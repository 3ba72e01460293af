import ArgumentParser
import Foundation
import TokenWarden

/// What to scan and with which settings: shared by `scan` and `baseline create`.
struct ScanArguments: ParsableArguments {
    @Argument(
        help:
            "Files or directories to scan, or - for standard input (default: .). With a git mode: the repository. A clone URL (https, ssh, file, git): its history, cloned into a temporary directory."
    )
    var paths: [String] = []

    @Flag(help: "Scan only what the next commit adds (the index against HEAD): for pre-commit hooks.")
    var staged = false

    @Option(
        name: .customLong("diff"),
        help: ArgumentHelp("Scan the lines added by the commits of a range, e.g. origin/main..HEAD.", valueName: "A..B"))
    var range: String?

    @Option(help: ArgumentHelp("Scan the lines added since REF (REF..HEAD).", valueName: "REF"))
    var since: String?

    @Flag(help: "Scan every blob in the history of HEAD once (with --branches or --all: of those refs).")
    var history = false

    @Flag(help: "With --history or --repos: every local branch.")
    var branches = false

    @Flag(help: "With --history or --repos: every ref and reflog (branches, tags, remotes, every stash entry, commits reset away).")
    var all = false

    @Flag(
        help:
            "With --history: --all, then every other object in the object database: force-pushed commits, dropped stashes, dangling blobs (incident response)."
    )
    var allObjects = false

    @Option(
        help: ArgumentHelp(
            "Scan the history of every repository in this list: one local path or clone URL (https, ssh, file) a line; --shard splits the repositories.",
            valueName: "file"))
    var repos: String?

    @Option(help: ArgumentHelp("Scan only shard K of N (1-based) of the work, for parallel CI jobs.", valueName: "K/N"))
    var shard: String?

    @Option(
        help: ArgumentHelp("Skip files larger than this many bytes (default 10 MiB, or the config's max_file_size).", valueName: "bytes"))
    var maxFileSize: Int?

    @Option(
        help: ArgumentHelp(
            "Layers of encoding (base64, hex, percent, string escapes) to decode and scan again (default 3; 0: off).", valueName: "n"))
    var decodeDepth: Int?

    // Zip-bomb limits, for tests and unusual archives; the defaults are in the README.
    @Option(help: .hidden) var maxArchiveBytes: Int?
    @Option(help: .hidden) var maxArchiveEntries: Int?
    @Option(help: .hidden) var maxCompressionRatio: Int?
    // git cat-file processes inflating blobs at once (default: one per core), for benchmarks and tests.
    @Option(help: .hidden) var catFileProcesses: Int?

    @Option(help: ArgumentHelp("The config file (default: .tokenwarden.yaml when present).", valueName: "path"))
    var config: String?

    @Flag(
        help:
            "With --diff or --since: read the config, rule files, baseline and store from the range's end (the work tree) instead of its base commit."
    )
    var configFromHead = false

    // A file, not the key itself: arguments show in `ps` and shell history.
    @Option(
        help: ArgumentHelp(
            "Key report and baseline fingerprints (HMAC-SHA-256) with the contents of this file (default: $TOKENWARDEN_FINGERPRINT_KEY).",
            valueName: "path"))
    var fingerprintKeyFile: String?

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if let maxFileSize, maxFileSize <= 0 { throw ValidationError("--max-file-size must be a positive number of bytes") }
        if let decodeDepth, decodeDepth < 0 || decodeDepth > 8 { throw ValidationError("--decode-depth must be 0 to 8") }
        for (name, value) in [("bytes", maxArchiveBytes), ("entries", maxArchiveEntries), ("ratio", maxCompressionRatio)] {
            if let value, value <= 0 { throw ValidationError("archive limit \(name) must be positive") }
        }
        let modes = [staged, range != nil, since != nil, history].filter { $0 }.count
        if modes > 1 { throw ValidationError("choose one of --staged, --diff, --since and --history") }
        if repos != nil && (staged || range != nil || since != nil) {
            throw ValidationError("--repos scans histories: it does not go with --staged, --diff or --since")
        }
        if repos != nil && !paths.isEmpty { throw ValidationError("--repos names the repositories: give no paths with it") }
        if remoteURL != nil && (staged || range != nil || since != nil) {
            throw ValidationError("a URL is scanned by its history: it does not go with --staged, --diff or --since")
        }
        if remoteURL != nil && paths.count > 1 { throw ValidationError("name one URL at a time, and no paths with it") }
        if (branches || all) && !history && repos == nil && remoteURL == nil {
            throw ValidationError("--branches and --all go with --history, --repos or a URL")
        }
        if allObjects && !history && remoteURL == nil { throw ValidationError("--all-objects goes with --history or a URL") }
        if branches && (all || allObjects) { throw ValidationError("choose one of --branches, --all and --all-objects") }
        if modes == 1 && paths.count > 1 {
            throw ValidationError("with --staged, --diff, --since or --history, name at most one repository path")
        }
        if staged && shard != nil { throw ValidationError("--shard does not go with --staged") }
        if let n = catFileProcesses, !(1...64).contains(n) { throw ValidationError("--cat-file-processes must be 1 to 64, not \(n)") }
    }

    var isGitMode: Bool { staged || range != nil || since != nil || history || repos != nil || remoteURL != nil }

    /// The one argument, when it is a clone URL rather than a path (`scan https://…`).
    var remoteURL: String? { paths.first.flatMap { RemoteRepository.isURL($0) ? $0 : nil } }

    private var refs: GitHistorySource.Refs { allObjects ? .allObjects : all ? .all : branches ? .branches : .head }

    var selection: InputSelection {
        let repository = paths.first ?? "."
        if staged { return .staged(repository: repository) }
        if let range { return .diff(range: range, repository: repository) }
        if let since { return .diff(range: "\(since)..HEAD", repository: repository) }
        if history { return .history(refs: refs, repository: repository) }
        // `-` is standard input, read here: only the CLI touches the process's streams.
        let standardInput = paths.contains("-") ? [UInt8](FileHandle.standardInput.readDataToEndOfFile()) : nil
        return .paths(paths, standardInput: standardInput)
    }

    /// Where this scan's own settings come from: the repository's top (in range modes, as of the
    /// range's base unless --config-from-head).
    func settingsFiles() throws -> SettingsFiles {
        let repository = paths.first ?? "."
        if !configFromHead, let base = rangeBase {
            return try SettingsFiles.commit(base, repositoryContaining: repository)
        }
        // A cloned repository's own settings are not read (as in --repos): it cannot relax its own scan.
        let local = isGitMode && remoteURL == nil
        return SettingsFiles.disk(discoveringFrom: local ? repository : FileManager.default.currentDirectoryPath)
    }

    /// The trusted side of a range: `A` of `A..B`/`A...B` (HEAD when empty), or `--since`'s REF.
    var rangeBase: String? {
        if let since { return since }
        guard let range else { return nil }
        let parts = range.components(separatedBy: range.contains("...") ? "..." : "..")
        guard parts.count == 2 else { return nil }
        return parts[0].isEmpty ? "HEAD" : parts[0]
    }

    /// The range's end, for telling whether it changes a setting.
    private var rangeEnd: String {
        guard let range else { return "HEAD" }
        let end = range.components(separatedBy: range.contains("...") ? "..." : "..").last ?? ""
        return end.isEmpty ? "HEAD" : end
    }

    /// Flags, config and environment resolved into one request.
    func request(showSecrets: Bool, baseline: String? = nil, useBaseline: Bool = true) throws -> ScanRequest {
        // The built-in rules are parsed while git finds the repository and its settings.
        let ruleOptions = self.ruleOptions
        let loading = Background { try ruleOptions.loadRules(examples: false) }
        let files = try settingsFiles()
        var used: [String] = []
        var notes: [String] = []
        // A setting the range itself changes is ignored (the base's version is used) and said so.
        func note(_ path: String, _ what: String) {
            if case .commit(let base) = files.source, files.changed(path, at: rangeEnd) {
                notes.append(
                    "the range changes \(what) \(path); using its version at \(base.prefix(12)) (--config-from-head uses the changed one)")
            }
        }
        let configPath = self.config ?? files.defaultPath(Config.defaultPath)
        let config = try files.config(option: self.config)
        if config.origin != "<defaults>" { used.append("config \(config.origin)") }
        note(configPath, "the config")
        var rules = try loading.value()
        for path in config.rulePaths {
            rules += try files.rules(at: path)
            note(path, "the rule file")
        }
        try RuleLoader.checkUniqueIDs(rules)
        // The list is read (and every line checked) before anything is scanned.
        let selection =
            try repos.map { InputSelection.repositories(try RepositoryList(reading: $0), refs: refs) }
            ?? remoteURL.map { InputSelection.remote(try RemoteRepository(parsing: $0), refs: refs) } ?? selection
        var request = ScanRequest(selection: selection, rules: try config.adjust(rules))
        request.config = config
        request.maxFileSize = maxFileSize ?? config.maxFileSize ?? ScanOptions.defaultMaxFileSize
        request.showSecrets = showSecrets
        if let decodeDepth { request.decoding.depth = decodeDepth }
        if let maxArchiveBytes { request.archives.maxTotalBytes = maxArchiveBytes }
        if let maxArchiveEntries { request.archives.maxEntries = maxArchiveEntries }
        if let maxCompressionRatio { request.archives.maxRatio = maxCompressionRatio }
        request.shard = try shard.map(Shard.init(parsing:))
        request.catFileProcesses = catFileProcesses
        // --store and $TOKENWARDEN_STORE are the user's own files; the config's or the default store is a setting.
        if let located = try storeOptions.load(configured: nil, defaultMissingIsNone: true) {
            request.store = located.store
            used.append("store \(located.path)")
        } else {
            let path = config.storePath ?? files.defaultPath(TokenStore.defaultPath)
            if let (text, origin) = try files.read(path, what: "the token store", limits: .generated) {
                request.store = try TokenStore.parse(text, origin: origin)
                used.append("store \(origin)")
                note(path, "the token store")
            } else if config.storePath != nil {
                throw InputError("\(path): no such token store")
            }
        }
        request.storeKey = TokenStore.key()
        request.fingerprintKey = try FingerprintKey.resolve(file: fingerprintKeyFile)
        if useBaseline, let path = baseline ?? config.baseline {
            guard let (text, origin) = try files.read(path, what: "the baseline", limits: .generated) else {
                throw InputError("\(path): no such baseline")
            }
            request.baseline = try Baseline.parse(text, origin: origin)
            used.append("baseline \(origin)")
            note(path, "the baseline")
        }
        request.settingsUsed = used
        request.settingsNotes = notes
        return request
    }
}
