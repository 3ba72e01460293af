import Foundation

/// A git repository the scan reads from: its top directory and the facts inputs need.
public struct GitRepository: Sendable {
    /// The top of the work tree, or the git directory itself for a bare repository.
    public let root: String
    /// A bare repository (a mirror, a server's copy) has history but no work tree and no index.
    public let isBare: Bool

    /// The repository containing `directory` (honouring `GIT_DIR`/`GIT_WORK_TREE` as git does);
    /// a one-line error when there is none, or when it is bare and `allowBare` is false.
    public init(containing directory: String, allowBare: Bool = false) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw InputError("\(directory): no such directory")
        }
        // Settings discovery and the input both ask: git is asked once per directory.
        let found = try GitRepository.found.value[directory] ?? GitRepository.locate(directory)
        GitRepository.found.update { $0[directory] = found }
        if found.isBare && !allowBare {
            throw InputError("\(directory): a bare repository has no work tree or staged changes; use --history, --diff or --since")
        }
        self = found
    }

    private init(root: String, isBare: Bool) {
        self.root = root
        self.isBare = isBare
    }

    private static let found = LockedBox<[String: GitRepository]>([:])

    private static func locate(_ directory: String) throws -> GitRepository {
        // One git call for a work tree (the pre-commit hook's case); `--show-toplevel` fails in a bare
        // repository, which the second asks about.
        if let facts = try? Git.run(["rev-parse", "--is-bare-repository", "--absolute-git-dir", "--show-toplevel"], in: directory) {
            let lines = String(decoding: facts, as: UTF8.self).split(separator: "\n").map(String.init)
            if lines.count == 3, lines[0] == "false", !lines[2].isEmpty { return GitRepository(root: lines[2], isBare: false) }
        }
        guard let facts = try? Git.run(["rev-parse", "--is-bare-repository", "--absolute-git-dir"], in: directory) else {
            throw InputError("\(directory): not a git repository (or any parent up to /)")
        }
        let lines = String(decoding: facts, as: UTF8.self).split(separator: "\n").map(String.init)
        if lines.first == "true", lines.count > 1 { return GitRepository(root: lines[1], isBare: true) }
        guard let root = Git.workTreeRoot(of: directory) else {
            throw InputError("\(directory): not a git repository (or any parent up to /)")
        }
        return GitRepository(root: root, isBare: false)
    }

    /// Whether this is a shallow clone, whose history stops at the shallow boundary.
    public var isShallow: Bool {
        let out = (try? Git.run(["rev-parse", "--is-shallow-repository"], in: root)) ?? []
        return String(decoding: out, as: UTF8.self).hasPrefix("true")
    }

    /// Whether HEAD points at a commit (false before the first commit).
    var hasHead: Bool {
        (try? Git.run(["rev-parse", "--verify", "-q", "HEAD"], in: root)) != nil
    }

    /// A partial clone (`git clone --filter=…`) leaves objects to be fetched on demand.
    var isPartialClone: Bool {
        let entries = (try? GitHardening.configEntries(in: root)) ?? []
        return entries.contains { $0.key == "extensions.partialclone" && $0.scope != "command" }
    }

    /// In a partial clone, the objects `revisions` reach that are not here; never fetches them.
    /// Empty for an ordinary repository, where nothing is fetched on demand.
    func missingObjects(reachableFrom revisions: [String]) -> Set<String> {
        guard isPartialClone, let out = try? Git.run(["rev-list", "--objects", "--missing=print"] + revisions + ["--"], in: root)
        else { return [] }
        var missing = Set<String>()
        for line in out.split(separator: 0x0A) where line.first == UInt8(ascii: "?") {
            missing.insert(String(decoding: line.dropFirst(), as: UTF8.self))
        }
        return missing
    }

    /// The git directory shared by all work trees (where hooks and objects live), as an absolute path.
    func commonGitDirectory() throws -> String {
        let raw = String(decoding: try Git.run(["rev-parse", "--git-common-dir"], in: root), as: UTF8.self)
            .trimmingCharacters(in: .newlines)
        return raw.hasPrefix("/") ? raw : ((root as NSString).appendingPathComponent(raw) as NSString).standardizingPath
    }
}

/// Reverses git's C-style quoting of unusual paths (`"a\tb"`, octal escapes for bytes).
enum GitPathQuoting {
    static func unquote(_ raw: [UInt8]) -> [UInt8] {
        guard raw.count >= 2, raw.first == UInt8(ascii: "\""), raw.last == UInt8(ascii: "\"") else { return raw }
        var out: [UInt8] = []
        var i = 1
        let end = raw.count - 1
        while i < end {
            let c = raw[i]
            guard c == UInt8(ascii: "\\"), i + 1 < end else { out.append(c); i += 1; continue }
            let e = raw[i + 1]
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A); i += 2
            case UInt8(ascii: "t"): out.append(0x09); i += 2
            case UInt8(ascii: "r"): out.append(0x0D); i += 2
            case UInt8(ascii: "a"): out.append(0x07); i += 2
            case UInt8(ascii: "b"): out.append(0x08); i += 2
            case UInt8(ascii: "f"): out.append(0x0C); i += 2
            case UInt8(ascii: "v"): out.append(0x0B); i += 2
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = 0, j = i + 1
                while j < min(i + 4, end), raw[j] >= UInt8(ascii: "0"), raw[j] <= UInt8(ascii: "7") {
                    value = value * 8 + Int(raw[j] - UInt8(ascii: "0")); j += 1
                }
                out.append(UInt8(truncatingIfNeeded: value)); i = j
            default: out.append(e); i += 2
            }
        }
        return out
    }
}
