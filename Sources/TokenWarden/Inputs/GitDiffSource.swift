/// Changes to scan: staged changes (`--staged`) or the commits of a range (`--diff A..B`).
/// Only added lines count; each changed file's new blob is scanned whole so multi-line rules
/// still see their context, then findings outside the added lines are dropped.
public enum GitDiffSource {
    static let diffOptions = ["-U0", "--full-index", "--no-color", "--no-ext-diff", "--no-textconv", "-M", "--diff-filter=ACMRT"]

    /// What the next commit adds: the index against HEAD (or against nothing before the first commit).
    static func staged(_ repository: GitRepository) throws -> (requests: [BlobRequest], skipped: [Skip]) {
        let git = try GitProcess(["-c", "core.quotePath=false", "diff", "--cached"] + diffOptions, in: repository.root)
        let parsed = PatchParser.parse(git.output)
        try git.finish()
        return requests(parsed, shard: nil)
    }

    /// What the commits of `range` (`A..B`) add, each attributed to its commit. A merge is read as
    /// its dense combined diff (`--cc`): the lines it adds against every parent, which is what the
    /// merge itself introduced — an "evil merge" or a conflict resolution — not what it merged in.
    static func range(_ range: String, repository: GitRepository, shard: Shard?) throws -> (requests: [BlobRequest], skipped: [Skip]) {
        if range.hasPrefix("-") { throw InputError("--diff expects a revision range like main..HEAD, not '\(range)'") }
        let git = try GitProcess(
            // No --diff-filter here: in `log` it would also drop commits with no matching change,
            // whose messages are scanned too (deleted files are skipped by the parser instead).
            ["-c", "core.quotePath=false", "log", "--reverse", "--cc", "-p", CommitRef.format]
                + diffOptions.filter { !$0.hasPrefix("--diff-filter") } + [range, "--"], in: repository.root)
        let parsed = PatchParser.parse(git.output)
        try git.finish()
        return requests(parsed, shard: shard)
    }

    private static func requests(_ parsed: [(commit: CommitRef?, files: [ChangedFile])], shard: Shard?) -> (
        requests: [BlobRequest], skipped: [Skip]
    ) {
        var requests: [BlobRequest] = []
        let skipped: [Skip] = []
        for (commit, files) in parsed {
            // A commit's message is scanned whole: the range introduced all of it.
            if let commit, shard?.owns(commit.id) ?? true {
                requests.append(BlobRequest(id: commit.id, provenance: .message(of: commit)))
            }
            for file in files where !file.deleted {
                guard let blob = file.blob, shard?.owns(blob) ?? true else { continue }
                let provenance = Provenance(path: file.path, source: commit.map { .change($0, blob: blob) } ?? .stagedBlob(id: blob))
                if file.skipMode { continue }
                if file.binary {
                    // git calls UTF-16 text binary (it has NUL bytes) and gives no line numbers: the new
                    // blob is scanned whole; the scanner transcodes it or skips it as binary, and says so.
                    requests.append(BlobRequest(id: blob, provenance: provenance, addedLines: nil))
                    continue
                }
                guard !file.addedLines.isEmpty else { continue }
                requests.append(BlobRequest(id: blob, provenance: provenance, addedLines: file.addedLines))
            }
        }
        return (requests, skipped)
    }
}
