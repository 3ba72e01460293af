import Foundation

extension GitHistorySource {
    /// A cheap count of what a history scan will read, made while `git log` is still listing, so
    /// progress has a total from the start: the commits (their messages; `rev-list --count`) plus
    /// the blobs in the object database (`cat-file --batch-check`, which reads object headers and
    /// inflates nothing). Every blob counts, reachable or not, so it may overestimate; the exact
    /// total replaces it once listing ends. Nil when git cannot say (progress then waits for that).
    static func estimate(_ repository: GitRepository, refs: Refs, shard: Shard?) -> Int? {
        if refs == .head && !repository.hasHead { return 0 }
        guard let out = try? Git.run(["rev-list", "--count"] + refs.arguments + ["--"], in: repository.root),
            let commits = Int(String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
            let git = try? GitProcess(
                ["cat-file", "--batch-all-objects", "--batch-check=%(objecttype)", "--unordered"], in: repository.root)
        else { return nil }
        var blobs = 0
        while let line = git.output.read(until: 0x0A) {
            if line.elementsEqual("blob".utf8) { blobs += 1 }
        }
        guard (try? git.finish()) != nil else { return nil }
        return (commits + blobs) / (shard?.count ?? 1)
    }
}
