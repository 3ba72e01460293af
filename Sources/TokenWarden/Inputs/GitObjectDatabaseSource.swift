/// `--history --all-objects`: after every ref and reflog (`GitHistorySource`), every other object of
/// the object database, loose or packed — commits force-pushed or reset away and expired from the
/// reflog, dropped stashes, blobs added and never committed — as an incident response needs.
///
/// Unreachable commits are walked like history (`git log` over them, stopping at reachable commits),
/// so their blobs keep a path and a commit, and their messages are scanned. A blob no commit holds
/// (a dangling blob, or one only a dangling tree names) has no known path: it is reported at
/// `<unreachable blob 1a2b3c4>`. Blobs a reachable commit holds are never reported again.
enum GitObjectDatabaseSource {
    /// Emits the objects no ref or reflog reaches and returns `reachable` with their introductions added.
    static func produce(
        _ repository: GitRepository, reachable: GitHistorySource.Listing, shard: Shard?, emit: (BlobRequest) -> Void
    ) throws -> GitHistorySource.Listing {
        let inventory = try Inventory(repository, skipping: reachable)
        var listing = reachable
        if !inventory.commits.isEmpty {
            // Every commit goes in; `--not --all --reflog` leaves only the unreachable ones, each diffed
            // against its first parent as history is, so a blob it shares with a reachable commit is not new
            // (the walk skips the blobs `reachable` holds: neither emitted nor listed again).
            let walked = try GitHistorySource.produce(
                repository, revisions: ["--stdin", "--not", "--all", "--reflog"], standardInput: inventory.commits,
                skipping: reachable, shard: shard
            ) { request in
                emit(BlobRequest(id: request.id, provenance: request.provenance.unreachable))
            }
            listing.addUnreachable(walked)
        }
        let uncommitted = inventory.blobs.filter { !listing.contains(blob: $0.utf8) }
        guard !uncommitted.isEmpty else { return listing }
        // History lists regular files only: a symlink's blob, or a blob a tag names, is reachable yet unlisted.
        let reachableElsewhere = try reachableObjects(repository, among: Set(uncommitted))
        for id in uncommitted where !reachableElsewhere.contains(id) && shard?.owns(id) ?? true {
            emit(BlobRequest(id: id, provenance: danglingBlob(id)))
        }
        return listing
    }

    /// Where a blob no commit holds is reported: its path is unknown.
    static func danglingBlob(_ id: String) -> Provenance {
        Provenance(path: "<unreachable blob \(id.prefix(7))>", source: .history(nil, blob: id)).unreachable
    }

    /// The object database's commits (for the unreachable walk) and the blobs not yet attributed.
    struct Inventory {
        /// Every commit id, one a line: `git log --stdin` input.
        var commits: [UInt8] = []
        /// Blobs that no reachable commit introduced.
        var blobs: [String] = []

        init(_ repository: GitRepository, skipping attributed: GitHistorySource.Listing) throws {
            // `--unordered`: pack order, much faster than sorting 100k ids; the order does not matter here.
            let git = try GitProcess(
                ["cat-file", "--batch-all-objects", "--unordered", "--batch-check=%(objectname) %(objecttype)"], in: repository.root)
            while let line = git.output.read(until: 0x0A) {
                guard let space = line.firstIndex(of: UInt8(ascii: " ")) else { continue }
                let type = line[(space + 1)...]
                if type.elementsEqual("commit".utf8) {
                    commits += line[..<space]
                    commits.append(0x0A)
                } else if type.elementsEqual("blob".utf8), !attributed.contains(blob: line[..<space]) {
                    blobs.append(String(decoding: line[..<space], as: UTF8.self))
                }
            }
            try git.finish()
        }
    }

    /// Which of `candidates` a ref or reflog reaches after all (through a symlink, a tag or a tree).
    /// `--missing=allow-any`: a partial clone's absent objects are passed over, never fetched.
    private static func reachableObjects(_ repository: GitRepository, among candidates: Set<String>) throws -> Set<String> {
        let git = try GitProcess(
            ["rev-list", "--objects", "--no-object-names", "--missing=allow-any", "--all", "--reflog"], in: repository.root)
        var found = Set<String>()
        while let line = git.output.read(until: 0x0A) {
            let id = String(decoding: line, as: UTF8.self)
            if candidates.contains(id) { found.insert(id) }
        }
        try git.finish()
        return found
    }

    /// `objects/info/alternates` makes another repository's objects look like this one's: listing
    /// every object would scan (and report) a repository the user did not name, perhaps outside the tree.
    /// Checked before the scan starts; git names the alternates it uses (nested ones too), so tokenwarden
    /// never opens the file itself (it could be a FIFO).
    static func refuseAlternates(_ repository: GitRepository) throws {
        let facts = try Git.run(["count-objects", "-v"], in: repository.root)
        guard facts.split(separator: 0x0A).contains(where: { $0.starts(with: "alternate: ".utf8) }) else { return }
        throw InputError(
            "--all-objects: \(repository.root) borrows objects from another repository (objects/info/alternates); "
                + "its objects would be listed as this one's: scan it without --all-objects")
    }
}
