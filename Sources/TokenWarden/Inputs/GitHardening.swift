import Foundation

/// The one place git command lines are built. A scanned repository is hostile: its `.git/config`
/// (and files it includes) may name programs for git to run — fsmonitor, pagers, signature
/// checkers, external diffs, textconv and filter drivers, hooks, ssh and credential helpers.
/// Every git process tokenwarden starts overrides all of them at the highest precedence git has
/// (command scope, through `GIT_CONFIG_KEY_n`/`GIT_CONFIG_VALUE_n`, which need no quoting), so
/// git runs nothing the repository chose and fetches nothing.
enum GitHardening {
    /// Settings that turn off every repository-configurable program tokenwarden's git calls could reach.
    static let overrides: [(key: String, value: String)] = [
        ("core.fsmonitor", "false"),
        ("core.hooksPath", "/dev/null"),
        ("core.pager", "cat"),
        ("pager.log", "false"), ("pager.diff", "false"), ("pager.show", "false"),
        ("log.showSignature", "false"),
        ("gpg.program", "false"), ("gpg.openpgp.program", "false"), ("gpg.x509.program", "false"), ("gpg.ssh.program", "false"),
        ("diff.external", ""),
        ("core.sshCommand", "false"),
        ("core.askPass", ""),
        ("credential.helper", ""),
        ("core.alternateRefsCommand", ""),
        ("uploadpack.packObjectsHook", ""),
        // A partial clone fetches missing objects on demand; no transport may be used.
        ("protocol.allow", "never"),
        ("protocol.ext.allow", "never"), ("protocol.file.allow", "never"), ("protocol.ssh.allow", "never"),
        ("protocol.git.allow", "never"), ("protocol.http.allow", "never"), ("protocol.https.allow", "never"),
        // Replacement refs could show other objects in place of the scanned history.
        ("core.useReplaceRefs", "false"),
    ]

    /// Environment variables that name programs, dropped from git's environment.
    static let droppedVariables: Set<String> = [
        "GIT_EXTERNAL_DIFF", "GIT_PAGER", "PAGER", "GIT_ASKPASS", "SSH_ASKPASS", "GIT_SSH", "GIT_SSH_COMMAND",
        "GIT_EDITOR", "GIT_SEQUENCE_EDITOR", "GIT_PROXY_COMMAND",
    ]

    /// Variables git reads that keep it from running or writing anything: no prompts, no
    /// replacement objects or grafts hiding history, no index refresh writing a lock.
    static let fixedVariables: [String: String] = [
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_NO_REPLACE_OBJECTS": "1",
        "GIT_GRAFT_FILE": "/dev/null",
        "GIT_OPTIONAL_LOCKS": "0",
    ]

    /// The argument vector: `git --no-pager [-C dir] arguments…`.
    static func commandLine(_ arguments: [String], in directory: String?) -> [String] {
        ["git", "--no-pager"] + (directory.map { ["-C", $0] } ?? []) + arguments
    }

    /// git's environment for a command run in `directory`: the caller's, less program-naming
    /// variables, plus the overrides — including one for every filter, diff and merge driver
    /// the repository's configuration defines (their names are the repository's to choose).
    static func environment(in directory: String?) -> [String] {
        environment(drivers: directory.map(driverOverrides(in:)) ?? [])
    }

    /// git's environment for cloning a URL the user listed (`scan --repos`) or named (`scan URL`): the
    /// same overrides, except that the user's transports are allowed — https, ssh and file (and `git://`
    /// for `scan URL`), never `ext::` (it runs a command) or `http://` — ssh runs non-interactively (or as `$GIT_SSH_COMMAND` says, the user's own
    /// choice), and a stalled server ends the clone instead of hanging it.
    static func cloneEnvironment(transports: Set<String>) -> [String] {
        let ssh = ProcessInfo.processInfo.environment["GIT_SSH_COMMAND"].flatMap { $0.isEmpty ? nil : $0 }
        var settings = overrides.filter { !$0.key.hasPrefix("protocol.") && $0.key != "core.sshCommand" }
        settings += [("protocol.allow", "never")]
        settings += ["ext", RepositoryList.gitDaemonProtocol, "http", "https", "ssh", "file"].map {
            ("protocol.\($0).allow", transports.contains($0) ? "always" : "never")
        }
        settings += [
            ("core.sshCommand", ssh ?? "ssh -o BatchMode=yes -o ConnectTimeout=30 -o ServerAliveInterval=15 -o ServerAliveCountMax=4"),
            ("http.lowSpeedLimit", "1000"), ("http.lowSpeedTime", "60"),
        ]
        return environment(settings: settings)
    }

    private static func environment(drivers: [(key: String, value: String)]) -> [String] {
        environment(settings: overrides + drivers)
    }

    private static func environment(settings: [(key: String, value: String)]) -> [String] {
        var env = ProcessInfo.processInfo.environment
        for name in droppedVariables { env[name] = nil }
        for (name, value) in fixedVariables { env[name] = value }
        // Keep configuration the caller passed this way, and add ours after it (later wins).
        var count = Int(env["GIT_CONFIG_COUNT"] ?? "") ?? 0
        if count < 0 { count = 0 }
        for (key, value) in settings {
            env["GIT_CONFIG_KEY_\(count)"] = key
            env["GIT_CONFIG_VALUE_\(count)"] = value
            count += 1
        }
        env["GIT_CONFIG_COUNT"] = String(count)
        return env.map { "\($0.key)=\($0.value)" }
    }

    /// Overrides for the driver programs the configuration seen from `directory` defines.
    static func driverOverrides(in directory: String) -> [(key: String, value: String)] {
        var result: [(key: String, value: String)] = []
        var seen = Set<String>()
        for entry in (try? configEntries(in: directory)) ?? [] {
            guard let neutral = neutralValue(forDriverKey: entry.key), seen.insert(entry.key).inserted else { continue }
            result.append((entry.key, neutral))
        }
        return result
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `filter.X.clean|smudge|process`, `diff.X.command|textconv`, `merge.X.driver` name programs;
    /// `protocol.X.allow` would let a transport the repository names fetch.
    static func neutralValue(forDriverKey key: String) -> String? {
        let lower = key.lowercased()
        guard let lastDot = lower.lastIndex(of: "."), let firstDot = lower.firstIndex(of: "."), firstDot < lastDot else { return nil }
        let section = lower[..<firstDot], variable = lower[lower.index(after: lastDot)...]
        switch (section, variable) {
        case ("filter", "clean"), ("filter", "smudge"), ("filter", "process"): return ""
        case ("filter", "required"): return "false"
        case ("diff", "command"), ("diff", "textconv"), ("merge", "driver"): return ""
        case ("protocol", "allow"): return "never"
        default: return nil
        }
    }

    /// One configuration entry as git reports it, with the scope it came from.
    struct ConfigEntry: Equatable {
        var scope: String
        var key: String
        var value: String
    }

    /// Every configuration entry git sees from `directory` (`git config --list --show-scope -z`),
    /// read with the fixed overrides in force (reading configuration runs no program).
    /// Read once per repository and run: the driver overrides, the partial-clone check and the
    /// hook installer all ask.
    static func configEntries(in directory: String) throws -> [ConfigEntry] {
        // Keyed by the real path: `.` and the repository's top are one configuration.
        let key = realPath(directory) ?? directory
        if let cached = configCache.value[key] { return cached }
        let entries = try readConfigEntries(in: directory)
        configCache.update { $0[key] = entries }
        return entries
    }

    private static let configCache = LockedBox<[String: [ConfigEntry]]>([:])

    private static func readConfigEntries(in directory: String) throws -> [ConfigEntry] {
        let (status, out, err) = try ChildProcess.output(
            commandLine(["config", "--list", "--show-scope", "-z"], in: directory),
            environment: environment(drivers: []))
        guard status == 0 else { throw Git.failure(["config"], status: status, stderr: err) }
        var entries: [ConfigEntry] = []
        let fields = out.split(separator: 0, omittingEmptySubsequences: false)
        var i = 0
        while i + 1 < fields.count {
            let scope = String(decoding: fields[i], as: UTF8.self)
            let pair = fields[i + 1]
            let newline = pair.firstIndex(of: 0x0A)
            let key = String(decoding: pair[..<(newline ?? pair.endIndex)], as: UTF8.self)
            let value = newline.map { String(decoding: pair[(pair.index(after: $0))...], as: UTF8.self) } ?? ""
            entries.append(ConfigEntry(scope: scope, key: key, value: value))
            i += 2
        }
        return entries
    }
}
