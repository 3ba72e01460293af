import Foundation

/// What to scan, as the user chose it.
public enum InputSelection: Sendable {
    /// Files, directories, git work trees, or `-` for `standardInput` (which the caller reads:
    /// the library never touches the process's standard streams).
    case paths([String], standardInput: [UInt8]? = nil)
    /// The staged changes of the repository at `repository` (pre-commit).
    case staged(repository: String)
    /// Lines added by the commits of a range such as `main..HEAD`.
    case diff(range: String, repository: String)
    /// Every blob reachable from `refs` (`.allObjects`: and every other object of the database).
    case history(refs: GitHistorySource.Refs, repository: String)
    /// The history (of `refs`) of every repository of a list (`--repos FILE`), one after another.
    case repositories(RepositoryList, refs: GitHistorySource.Refs)
    /// The history (of `refs`) of a repository cloned from a URL for this scan (`scan URL`).
    case remote(RemoteRepository, refs: GitHistorySource.Refs)
}

/// An input ready to scan: the work stream, what was skipped while listing it, notes for the user,
/// and (for streamed git input) an error git may report while the scan runs.
public struct PreparedInput: Sendable {
    public var stream: TargetStream
    public var skipped: [Skip] = []
    public var notes: [String] = []
    /// What this input is, for the report's scope (computed before any shard split).
    public var identity: InputIdentity
    let streamFailure: LockedBox<InputError?>?
    /// For history: where each blob was introduced, known once listing is done.
    let introductions: LockedBox<GitHistorySource.Listing>?

    init(
        stream: TargetStream, skipped: [Skip], identity: InputIdentity, streamFailure: LockedBox<InputError?>?,
        introductions: LockedBox<GitHistorySource.Listing>? = nil
    ) {
        self.stream = stream
        self.skipped = skipped
        self.identity = identity
        self.streamFailure = streamFailure
        self.introductions = introductions
    }

    /// The error a streaming git reader hit, if any; call after the scan.
    public var failure: InputError? { streamFailure?.value }

    /// For history: where each blob was introduced and the renames seen; complete after the scan.
    var historyListing: GitHistorySource.Listing? { introductions?.value }
}

extension InputSelection {
    /// Lists the work; for git inputs, starts streaming blobs in the background.
    /// Paths matching `exclude` are left out (and not counted as skipped: the user asked).
    /// Git blobs are read by `catFileProcesses` `git cat-file` processes at once (default: one per core).
    public func prepare(
        maxFileSize: Int, shard: Shard? = nil, exclude: PathFilter? = nil, catFileProcesses: Int? = nil
    ) throws -> PreparedInput {
        let catFileProcesses = catFileProcesses ?? GitBlobStream.defaultProcesses
        let scratch = MatchScratch()
        let excluded: (String) -> Bool = { path in exclude?.matches(path, scratch: scratch) ?? false }
        switch self {
        case .paths(let paths, let standardInput):
            var targets: [ScanTarget] = []
            var skipped: [Skip] = []
            for path in paths.isEmpty ? ["."] : paths {
                if path == "-" {
                    targets.append(.blob(Blob(bytes: standardInput ?? [], provenance: Provenance(path: "<stdin>"))))
                    continue
                }
                let listed = try WorktreeSource.targets(for: [path])
                targets += listed.targets
                skipped += listed.skipped
            }
            targets = targets.filter { target in
                if case .file(_, let display) = target { return !excluded(display) }
                return true
            }
            skipped = skipped.filter { !excluded($0.path) }
            let identity = InputIdentity(
                mode: "paths", input: (paths.isEmpty ? ["."] : paths).joined(separator: " "),
                content: Self.listed(targets, skipped: skipped, standardInput: standardInput))
            if let shard {
                targets = targets.filter { target in
                    if case .file(_, let display) = target { return shard.owns(display) }
                    return shard.index == 1
                }
                skipped = skipped.filter { shard.owns($0.path) }
            }
            return PreparedInput(stream: TargetList(targets), skipped: skipped, identity: identity, streamFailure: nil)

        case .staged(let dir):
            let repository = try GitRepository(containing: dir)
            let (requests, skipped) = try GitDiffSource.staged(repository)
            return stream(
                requests.filter { !excluded($0.provenance.path) }, skipped: skipped.filter { !excluded($0.path) },
                identity: InputIdentity(mode: "staged", input: repository.root, content: []),
                repository: repository, maxFileSize: maxFileSize, processes: catFileProcesses)

        case .diff(let range, let dir):
            let repository = try GitRepository(containing: dir, allowBare: true)
            let (requests, skipped) = try GitDiffSource.range(range, repository: repository, shard: shard)
            var input = stream(
                requests.filter { !excluded($0.provenance.path) }, skipped: skipped.filter { !excluded($0.path) },
                identity: InputIdentity.range(range, repository: repository),
                repository: repository, maxFileSize: maxFileSize, processes: catFileProcesses, revisions: [range])
            if repository.isShallow { input.notes.append("shallow clone: commits beyond the shallow boundary are not in the range") }
            return input

        case .history(let refs, let dir):
            let repository = try GitRepository(containing: dir, allowBare: true)
            if refs == .allObjects { try GitObjectDatabaseSource.refuseAlternates(repository) }
            let identity = try InputIdentity.history(repository, refs: refs, mode: refs.modeName(of: "history"))
            let queue = TargetQueue(total: nil)
            let introductions = LockedBox(GitHistorySource.Listing())
            let commits = LockedBox<Int?>(nil)
            Thread { commits.value = GitHistorySource.commitCount(repository, refs: refs) }.start()
            let failure = GitBlobStream.start(
                repository: repository, maxSize: maxFileSize, into: queue, revisions: refs.arguments, processes: catFileProcesses
            ) { emit in
                let historyScratch = MatchScratch()
                var listed = 0, emitted = 0
                let onCommit = {
                    listed += 1
                    // Progress has a total from the start: extrapolated every 256 commits.
                    if listed % 256 == 0, let total = commits.value {
                        queue.setEstimate(GitHistorySource.extrapolate(emitted: emitted, listed: listed, of: total))
                    }
                }
                func included(_ request: BlobRequest) {
                    if exclude?.matches(request.provenance.path, scratch: historyScratch) != true {
                        emitted += 1
                        emit(request)
                    }
                }
                let reachable = try GitHistorySource.produce(repository, refs: refs, shard: shard, onCommit: onCommit, emit: included)
                introductions.value =
                    refs == .allObjects
                    ? try GitObjectDatabaseSource.produce(repository, reachable: reachable, shard: shard, emit: included) : reachable
            }
            var input = PreparedInput(
                stream: queue, skipped: [], identity: identity, streamFailure: failure, introductions: introductions)
            if repository.isShallow { input.notes.append("shallow clone: scanning only the history it has") }
            return input

        case .repositories, .remote:
            // Each clone lives only while it is scanned: the pipeline clones, prepares its history and removes it.
            throw InputError("a repository list or URL is prepared one clone at a time")
        }
    }

    private func stream(
        _ requests: [BlobRequest], skipped: [Skip], identity: InputIdentity, repository: GitRepository, maxFileSize: Int,
        processes: Int, revisions: [String]? = nil
    ) -> PreparedInput {
        let queue = TargetQueue(total: requests.count)
        let failure = GitBlobStream.start(
            repository: repository, maxSize: maxFileSize, into: queue, revisions: revisions, processes: processes
        ) { emit in
            requests.forEach(emit)
        }
        return PreparedInput(stream: queue, skipped: skipped, identity: identity, streamFailure: failure)
    }

    /// A path scan's content: every path listed (files and skips, sorted) and standard input's bytes.
    private static func listed(_ targets: [ScanTarget], skipped: [Skip], standardInput: [UInt8]?) -> [String] {
        var paths = targets.compactMap { target -> String? in
            if case .file(_, let display) = target { return display }
            return nil
        }
        paths += skipped.map { "\($0.path) \($0.reason.rawValue)" }
        return paths.sorted() + (standardInput.map { [InputIdentity.digest([String(decoding: $0, as: UTF8.self)])] } ?? [])
    }
}
