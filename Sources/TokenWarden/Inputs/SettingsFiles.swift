import Foundation

/// Where a scan reads its own settings — config, the rule files it names, baseline, token store.
///
/// Default files are found at the top of the repository being scanned (as gitleaks finds its
/// config), so a run from a subdirectory uses the same settings as a run from the root. In range
/// modes (`--diff`, `--since`) the files inside the repository are read from the range's base
/// commit: a pull request is the code under review, and must not be able to relax its own check
/// by editing the allow list or the baseline it is checked against.
public struct SettingsFiles: Sendable {
    public enum Source: Sendable, Equatable {
        /// The files on disk.
        case disk
        /// Files inside the repository as they are at this commit; files outside it from disk.
        case commit(String)
    }

    public let source: Source
    /// The directory default file names are relative to: the repository's top, else the current directory.
    public let root: String
    /// The repository, when the settings belong to one.
    let repository: GitRepository?

    /// Settings on disk, discovered from the repository containing `directory` (or `directory` itself).
    public static func disk(discoveringFrom directory: String) -> SettingsFiles {
        let repository = try? GitRepository(containing: directory, allowBare: true)
        let root = repository.flatMap { $0.isBare ? nil : $0.root } ?? FileManager.default.currentDirectoryPath
        return SettingsFiles(source: .disk, root: root, repository: repository)
    }

    /// Settings as they are at `revision` (a range's base) in the repository containing `directory`.
    public static func commit(_ revision: String, repositoryContaining directory: String) throws -> SettingsFiles {
        let repository = try GitRepository(containing: directory, allowBare: true)
        if revision.hasPrefix("-") { throw InputError("'\(revision)' is not a revision") }
        guard let out = try? Git.run(["rev-parse", "--verify", "-q", "\(revision)^{commit}"], in: repository.root) else {
            throw InputError("\(revision): not a commit in \(repository.root)")
        }
        let id = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let root = repository.isBare ? FileManager.default.currentDirectoryPath : repository.root
        return SettingsFiles(source: .commit(id), root: root, repository: repository)
    }

    /// The default path of a settings file: `name` at the root.
    public func defaultPath(_ name: String) -> String { (root as NSString).appendingPathComponent(name) }

    /// A file's text and the name to use for it in messages; nil when it does not exist. Files
    /// larger than `limits` allow are refused before they are read whole.
    public func read(_ path: String, what: String, limits: YAMLLimits) throws -> (text: String, origin: String)? {
        guard let (revision, relative) = inRepository(path) else {
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            return (try YAMLFile.read(path, what: what, limits: limits), path)
        }
        let origin = "\(String(revision.prefix(12))):\(relative)"
        let object = "\(revision):\(relative)"
        guard let size = try? Git.run(["cat-file", "-s", object], in: repository!.root) else { return nil }
        guard let bytes = Int(String(decoding: size, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
            bytes <= limits.maxBytes
        else { throw limits.tooLarge(origin) }
        let data = try Git.run(["cat-file", "blob", object], in: repository!.root)
        guard let text = String(validating: data, as: UTF8.self) else { throw InputError("\(origin): \(what) is not valid UTF-8") }
        return (text, origin)
    }

    public func exists(_ path: String) -> Bool {
        guard let (revision, relative) = inRepository(path) else { return FileManager.default.fileExists(atPath: path) }
        return (try? Git.run(["cat-file", "-e", "\(revision):\(relative)"], in: repository!.root)) != nil
    }

    /// The rules in a rule file, or in the `*.yaml`/`*.yml` files of a rule directory.
    public func rules(at path: String) throws -> [Rule] {
        guard let (revision, relative) = inRepository(path) else { return try RuleLoader.load(path: path) }
        let object = "\(revision):\(relative)"
        guard let type = try? Git.run(["cat-file", "-t", object], in: repository!.root) else {
            throw InputError("\(path): no such rule file or directory at \(revision.prefix(12))")
        }
        var files = [path]
        // A directory lists its rule files; `ls-tree` on a single file's blob would fail.
        if String(decoding: type, as: UTF8.self).hasPrefix("tree") {
            let listing = try Git.run(["ls-tree", "-z", "--name-only", object], in: repository!.root)
            files = Git.splitNUL(listing).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
        }
        var rules: [Rule] = []
        for file in files {
            guard let (text, origin) = try read(file, what: "the rule file", limits: .handWritten) else {
                throw InputError("\(file): no such rule file at \(revision.prefix(12))")
            }
            rules += try RuleLoader.parse(yaml: text, origin: origin)
        }
        return rules
    }

    /// Whether the file differs between the base commit and `revision` (the range's end): the
    /// range changes a setting, which the user should hear about.
    public func changed(_ path: String, at revision: String) -> Bool {
        guard let (base, relative) = inRepository(path), let repository else { return false }
        func blob(_ rev: String) -> String? {
            (try? Git.run(["rev-parse", "-q", "--verify", "\(rev):\(relative)"], in: repository.root)).map {
                String(decoding: $0, as: UTF8.self)
            }
        }
        return blob(base) != blob(revision)
    }

    /// For a commit source: the commit and the path relative to the repository's top, when
    /// `path` lies inside the repository; nil for disk sources and files outside it.
    private func inRepository(_ path: String) -> (revision: String, relative: String)? {
        guard case .commit(let revision) = source, repository != nil else { return nil }
        let absolute = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        let standardized = (absolute as NSString).standardizingPath
        // A bare repository has no work tree: the current directory stands for its top.
        let top = root
        guard standardized.hasPrefix(top.hasSuffix("/") ? top : top + "/") else { return nil }
        return (revision, String(standardized.dropFirst(top.count + 1)))
    }
}

extension SettingsFiles {
    /// `--config PATH`, else `.tokenwarden.yaml` at the settings root when it exists.
    public func config(option: String?) throws -> Config {
        let path = option ?? defaultPath(Config.defaultPath)
        guard let (text, origin) = try read(path, what: "the config file", limits: .handWritten) else {
            // In range modes a config the range adds is not in the base: the defaults apply (and the user
            // hears that the range changes it). A named file that exists nowhere is a mistake, said so.
            if option != nil, source == .disk || !FileManager.default.fileExists(atPath: path) {
                throw InputError("\(path): no such config file")
            }
            return Config()
        }
        return try Config.parse(text, origin: origin, directory: (path as NSString).deletingLastPathComponent)
    }
}
