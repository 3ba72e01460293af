import Crypto
import Foundation

/// What an input was, told apart by content rather than by where it lies: the shards of one audit
/// run on different machines, so their checkouts may sit at different paths but must hold the
/// same commits (or the same files, or the same repository list).
public struct InputIdentity: Sendable, Equatable {
    /// `paths`, `staged`, `diff`, `history` (`history --all`, …), `repos` (`repos --all`, …).
    public var mode: String
    /// The scanned root, range or list file, for people reading the report.
    public var input: String
    /// SHA-256 (hex) of the mode and the input's content.
    public var digest: String

    public init(mode: String, input: String, content: [String]) {
        self.init(mode: mode, input: input, digest: InputIdentity.digest([mode] + content))
    }

    /// An identity as a report recorded it.
    public init(mode: String, input: String, digest: String) {
        (self.mode, self.input, self.digest) = (mode, input, digest)
    }

    /// SHA-256 of NUL-joined parts (NUL cannot occur in a path or an object id).
    public static func digest(_ parts: [String]) -> String {
        var hash = SHA256()
        for part in parts {
            hash.update(data: Array(part.utf8))
            hash.update(data: [0])
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// A history scan is the commits its refs point at (the ids, sorted), whatever the checkout's path.
    static func history(_ repository: GitRepository, refs: GitHistorySource.Refs, mode: String) throws -> InputIdentity {
        var tips: [String] = []
        if refs != .head || repository.hasHead {
            let out = try Git.run(["rev-list", "--no-walk"] + refs.arguments, in: repository.root)
            tips = String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init).sorted()
        }
        return InputIdentity(mode: mode, input: repository.root, content: tips)
    }

    /// A range is its resolved ends (`git rev-parse A..B`: B and ^A).
    static func range(_ range: String, repository: GitRepository) -> InputIdentity {
        let out = (try? Git.run(["rev-parse", range, "--"], in: repository.root)) ?? Array(range.utf8)
        let ends = String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init).filter { $0 != "--" }
        return InputIdentity(mode: "diff", input: "\(repository.root) \(range)", content: ends.sorted())
    }
}

extension GitHistorySource.Refs {
    /// A report's mode: `history`, `history --branches`, `history --all` (or `repos …`).
    func modeName(of base: String) -> String {
        switch self {
        case .head: base
        case .branches: "\(base) --branches"
        case .all: "\(base) --all"
        case .allObjects: "\(base) --all-objects"
        }
    }
}
