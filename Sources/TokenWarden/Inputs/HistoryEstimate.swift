import Foundation

extension GitHistorySource {
    /// How many commits `refs` reach (`rev-list --count`, which reads commits only), so progress can
    /// extrapolate a total from the start instead of waiting for listing to end. Nil when git
    /// cannot say. (Counting the object database's blobs instead, `cat-file --batch-all-objects
    /// --batch-check`, held 527 MB on a 500k-commit history: git collects every object id first.)
    static func commitCount(_ repository: GitRepository, refs: Refs) -> Int? {
        if refs == .head && !repository.hasHead { return 0 }
        guard let git = try? GitProcess(["rev-list", "--count"] + refs.arguments + ["--"], in: repository.root),
            let line = git.output.read(until: 0x0A), (try? git.finish()) != nil
        else { return nil }
        return Int(String(decoding: line, as: UTF8.self))
    }

    /// The items a history scan will read, extrapolated from what listing the first `listed` of
    /// `commits` commits emitted (listing goes newest first; the exact total replaces this once
    /// it ends).
    static func extrapolate(emitted: Int, listed: Int, of commits: Int) -> Int {
        guard listed > 0, commits > listed else { return emitted }
        return Int(Double(emitted) * Double(commits) / Double(listed))
    }
}
