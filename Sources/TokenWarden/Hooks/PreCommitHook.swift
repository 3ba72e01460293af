import Foundation

/// Installs tokenwarden as a git pre-commit hook, in the hooks directory git itself uses
/// (so `core.hooksPath` is respected), never replacing someone's hook silently.
public enum PreCommitHook {
    static let marker = "# tokenwarden pre-commit hook"

    public enum Existing: Sendable {
        /// Refuse when another hook is there.
        case refuse
        /// Keep the other hook, renamed `pre-commit.chained`, and run it first.
        case chain
        /// Replace it.
        case replace
    }

    public struct Outcome: Sendable {
        public var path: String
        public var chained: String?
        public var updated: Bool
    }

    /// Installs the hook for the repository containing `directory`; `binary` is the tokenwarden to run.
    public static func install(in directory: String, binary: String, existing: Existing) throws -> Outcome {
        let repository = try GitRepository(containing: directory)
        let hooks = try hooksDirectory(repository)
        try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        let path = (hooks as NSString).appendingPathComponent("pre-commit")
        let chainedPath = path + ".chained"
        var chained: String?
        var updated = false
        if let current = FileManager.default.contents(atPath: path) {
            if String(decoding: current, as: UTF8.self).contains(marker) {
                updated = true
                if FileManager.default.fileExists(atPath: chainedPath) { chained = chainedPath }
            } else {
                switch existing {
                case .refuse:
                    throw InputError(
                        "\(path): a pre-commit hook already exists; use --chain to run it before tokenwarden, or --force to replace it")
                case .chain:
                    if FileManager.default.fileExists(atPath: chainedPath) {
                        throw InputError("\(chainedPath) already exists; move it away first")
                    }
                    guard rename(path, chainedPath) == 0 else {
                        throw InputError("cannot move \(path) to \(chainedPath): \(String(cString: strerror(errno)))")
                    }
                    chained = chainedPath
                case .replace:
                    break
                }
            }
        }
        try AtomicFile.write(script(binary: binary), to: path, permissions: .exactly(0o755))
        return Outcome(path: path, chained: chained, updated: updated)
    }

    /// The directory git runs hooks from: `core.hooksPath` when set, else `<git dir>/hooks`.
    /// git itself is run with hooks off, so the setting is read from the configuration; a path the
    /// repository's own configuration sets is honoured only inside the repository, since a hostile
    /// repository could otherwise make us write an executable anywhere the user can.
    static func hooksDirectory(_ repository: GitRepository) throws -> String {
        let gitDir = try repository.commonGitDirectory()
        let setting = try GitHardening.configEntries(in: repository.root)
            .last { $0.key == "core.hookspath" && $0.scope != "command" }
        guard let setting, !setting.value.isEmpty else { return (gitDir as NSString).appendingPathComponent("hooks") }
        let expanded = (setting.value as NSString).expandingTildeInPath
        let path = ((expanded.hasPrefix("/") ? expanded : (repository.root as NSString).appendingPathComponent(expanded)) as NSString)
            .standardizingPath
        if setting.scope == "local" || setting.scope == "worktree" {
            // Compared with links resolved, so a symlink inside the tree cannot lead out of it.
            func resolved(_ p: String) -> String { URL(fileURLWithPath: p).resolvingSymlinksInPath().path }
            let target = resolved(path)
            let inside = [repository.root, gitDir].map(resolved).contains { target == $0 || target.hasPrefix($0 + "/") }
            guard inside else {
                throw InputError(
                    "the repository's core.hooksPath (\(setting.value)) points outside it; install the hook there yourself, or unset it")
            }
        }
        return path
    }

    static func script(binary: String) -> String {
        let quoted = "'" + binary.replacingOccurrences(of: "'", with: "'\\''") + "'"
        return """
            #!/bin/sh
            \(marker) (installed by `tokenwarden install-hook`; edit freely).
            # Blocks commits whose staged changes add secrets. Bypass once: git commit --no-verify
            hook_dir=$(dirname "$0")
            if [ -x "$hook_dir/pre-commit.chained" ]; then
                "$hook_dir/pre-commit.chained" "$@" || exit $?
            fi
            if [ -x \(quoted) ]; then
                exec \(quoted) scan --staged
            elif command -v tokenwarden >/dev/null 2>&1; then
                exec tokenwarden scan --staged
            fi
            echo "tokenwarden: not installed (looked for \(quoted) and on PATH); commit not checked" >&2
            exit 1

            """
    }
}
