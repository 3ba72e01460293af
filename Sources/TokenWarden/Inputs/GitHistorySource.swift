/// Every blob reachable from the chosen refs, each scanned once and attributed to the commit
/// (and path) that introduced it: the oldest commit whose diff adds it. One `git log --raw` pass finds the blobs — never
/// `git log -p`, which would render every diff — and `git cat-file --batch` streams them.
public enum GitHistorySource {
    public enum Refs: String, Sendable {
        case head, branches, all
        /// Every ref and reflog, then every other object of the object database (`--all-objects`).
        case allObjects

        var arguments: [String] {
            switch self {
            case .head: ["HEAD"]
            case .branches: ["--branches"]
            // The reflogs hold every stash entry (refs/stash shows only the newest) and commits reset away.
            case .all, .allObjects: ["--all", "--reflog"]
            }
        }
    }

    static let emptyBlob = String(repeating: "0", count: 40)

    /// Emits each blob to scan as soon as `git log` first shows it (newest commits first, so
    /// scanning starts at once), and returns where each blob was introduced: its oldest sighting.
    /// `onCommit` is called as each commit is listed (for progress).
    static func produce(
        _ repository: GitRepository, refs: Refs, shard: Shard?, onCommit: () -> Void = {}, emit: (BlobRequest) -> Void
    ) throws -> Listing {
        if refs == .head && !repository.hasHead { return Listing() }
        return try produce(repository, revisions: refs.arguments, shard: shard, onCommit: onCommit, emit: emit)
    }

    /// The same for `git log` revision arguments; with `standardInput`, git reads more revisions
    /// from it (`--stdin` among `revisions`), all before it writes anything. Blobs `attributed`
    /// already holds are neither listed nor emitted (the unreachable walk of `--all-objects`).
    static func produce(
        _ repository: GitRepository, revisions: [String], standardInput: [UInt8]? = nil, skipping attributed: Listing? = nil,
        shard: Shard?, onCommit: () -> Void = {}, emit: (BlobRequest) -> Void
    ) throws -> Listing {
        // Merges are diffed against their first parent, which catches blobs made while resolving conflicts.
        // Renames are detected (-M) only to link a file's names; the blob is the same either way.
        let git = try GitProcess(
            ["log"] + revisions + [
                "--raw", "--no-abbrev", "-z", "-M", "--diff-merges=first-parent", CommitRef.format, "--",
            ], in: repository.root)
        if let standardInput {
            git.write(standardInput)
            git.closeInput()
        }
        var listing = Listing()
        var commit: CommitRef?
        var commitIndex = Listing.Origin.noCommit
        var pendingBlob: ArraySlice<UInt8>?
        var pendingRename = false
        while var token = git.output.read(until: 0) {
            while token.first == 0x0A { token.removeFirst() }
            if let id = pendingBlob {
                // The path token that follows a raw entry; a rename has two, old then new.
                pendingBlob = nil
                if pendingRename, let newPath = git.output.read(until: 0) {
                    pendingRename = false
                    let old = listing.intern(path: String(decoding: token, as: UTF8.self))
                    listing.addRename(from: old, to: listing.intern(path: String(decoding: newPath, as: UTF8.self)))
                    token = newPath
                }
                if attributed?.contains(blob: id) == true { continue }
                let path = listing.intern(path: String(decoding: token, as: UTF8.self))
                let origin = Listing.Origin(commit: commitIndex, path: path)
                let blob = String(decoding: id, as: UTF8.self)
                if listing.sight(blob: id, at: origin), shard?.owns(blob) ?? true {
                    emit(
                        BlobRequest(
                            id: blob, provenance: Provenance(path: listing.paths[path], source: .history(commit, blob: blob))))
                }
                continue
            }
            if token.first == 0x01 {
                // With -z the header's NUL-separated fields arrive as tokens of their own.
                var fields = [token.dropFirst()]
                while fields.count < CommitRef.fieldCount, let field = git.output.read(until: 0) { fields.append(field[...]) }
                commit = CommitRef(fields: fields)
                commitIndex = Listing.Origin.noCommit
                onCommit()
                if var known = commit {
                    commitIndex = listing.addCommit(known)
                    known.index = Int(commitIndex)
                    commit = known
                }
                if let commit, shard?.owns(commit.id) ?? true {
                    emit(BlobRequest(id: commit.id, provenance: .message(of: commit)))
                }
            } else if token.first == UInt8(ascii: ":") {
                // :srcmode dstmode srcid dstid status
                let fields = token.dropFirst().split(separator: UInt8(ascii: " "))
                guard fields.count >= 5 else { continue }
                let mode = String(decoding: fields[1], as: UTF8.self)
                let id = fields[3]
                let twoPaths = fields[4].first == UInt8(ascii: "R") || fields[4].first == UInt8(ascii: "C")
                // Regular files only: symlinks hold a path, submodules a commit id.
                if mode == "100644" || mode == "100755", !id.elementsEqual(emptyBlob.utf8) {
                    pendingBlob = id
                    pendingRename = twoPaths && fields[4].first == UInt8(ascii: "R")
                    if twoPaths && !pendingRename { _ = git.output.read(until: 0) }  // a copy: keep only the new path
                } else {
                    _ = git.output.read(until: 0)  // skip this entry's path(s)
                    if twoPaths { _ = git.output.read(until: 0) }
                }
            }
        }
        try git.finish()
        return listing
    }
}
