import Foundation

/// The repository a scan's files belong to, for the CI reports that locate files from its top
/// (SARIF's `%SRCROOT%`, GitLab, GitHub annotations) and name its commit. Asked of git only when
/// such a report is written, so a plain or pre-commit scan runs no extra git process.
public struct SourceRoot: Sendable, Equatable {
    /// The top of the work tree (absolute).
    public var directory: String
    /// Where the scan's relative paths start, relative to `directory`: the current directory for path
    /// scans (`src/`), empty in git modes, whose paths are already the repository's.
    public var base: String
    /// HEAD's commit id; nil before the first commit.
    public var head: String?
    /// The branch HEAD is on (`refs/heads/main`); nil when detached.
    public var branch: String?
    /// `remote.origin.url` without any user name or password it may embed; nil when unset.
    public var repositoryURI: String?

    public init(directory: String, base: String = "", head: String? = nil, branch: String? = nil, repositoryURI: String? = nil) {
        self.directory = directory
        self.base = base
        self.head = head
        self.branch = branch
        self.repositoryURI = repositoryURI
    }

    /// The repository of `selection` — for path scans the one containing `currentDirectory` — or
    /// nil outside git, for a bare repository (no work tree to be relative to) and for `--repos`.
    public static func of(_ selection: InputSelection, currentDirectory: String) -> SourceRoot? {
        let directory: String
        switch selection {
        case .paths: directory = currentDirectory
        case .staged(let repository), .diff(_, let repository), .history(_, let repository): directory = repository
        case .repositories: return nil  // many repositories: paths are prefixed with each one's label instead
        case .remote: return nil  // the clone is gone by the time reports are written; paths are the repository's
        }
        guard let repository = try? GitRepository(containing: directory, allowBare: true), !repository.isBare else { return nil }
        var root = SourceRoot(directory: repository.root)
        if case .paths = selection { root.base = relative(realPath(currentDirectory) ?? currentDirectory, to: repository.root) ?? "" }
        let facts = (try? Git.run(["rev-parse", "HEAD", "--symbolic-full-name", "HEAD"], in: repository.root)).map {
            String(decoding: $0, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        if let facts, facts.count == 2, facts[0].allSatisfy(\.isHexDigit), facts[0].count >= 40 {
            root.head = facts[0]
            root.branch = facts[1].hasPrefix("refs/") ? facts[1] : nil
        }
        let remote = (try? GitHardening.configEntries(in: repository.root))?.last { $0.key == "remote.origin.url" }
        root.repositoryURI = remote.flatMap { withoutCredentials($0.value) }
        return root
    }

    /// A report path as a path from the repository's top; nil when it lies outside (or is `<stdin>`).
    public func repositoryPath(_ path: String) -> String? {
        if path == "<stdin>" { return nil }
        let absolute = path.hasPrefix("/") ? path : [directory, base, path].filter { !$0.isEmpty }.joined(separator: "/")
        return Self.relative((absolute as NSString).standardizingPath, to: directory)
    }

    static func relative(_ path: String, to top: String) -> String? {
        if path == top { return "" }
        let prefix = top.hasSuffix("/") ? top : top + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `https://user:token@host/x` → `https://host/x`; `git@host:org/x` → `ssh://host/org/x`. A URL
    /// from the repository's config is the repository's data: a credential in it must not reach a report.
    static func withoutCredentials(_ url: String) -> String? {
        guard !url.isEmpty, !url.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) else { return nil }
        if let scheme = url.range(of: "://") {
            let rest = url[scheme.upperBound...]
            let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            let host = rest[..<authorityEnd].split(separator: "@", omittingEmptySubsequences: false).last ?? ""
            return String(url[..<scheme.upperBound]) + host + rest[authorityEnd...]
        }
        // scp-like `[user@]host:path`
        guard let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") else { return nil }
        let host = url[..<colon].split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        return "ssh://\(host)/\(url[url.index(after: colon)...])"
    }
}
