import Foundation

/// Runs git and returns its standard output; a failure becomes a one-line `InputError`.
/// Every git process goes through `GitHardening`, so no repository-chosen program ever runs.
enum Git {
    /// `environment` replaces the hardened environment of `directory` only with another hardened one
    /// (a clone's, which has no repository yet to read the configuration of).
    static func run(_ arguments: [String], in directory: String? = nil, environment: [String]? = nil) throws -> [UInt8] {
        let (status, out, err) = try ChildProcess.output(
            GitHardening.commandLine(arguments, in: directory),
            environment: environment ?? GitHardening.environment(in: directory))
        guard status == 0 else { throw failure(arguments, status: status, stderr: err) }
        return out
    }

    /// A one-line error from git's first `fatal:`/`error:` line.
    static func failure(_ arguments: [String], status: Int32, stderr: [UInt8]) -> InputError {
        let lines = String(decoding: stderr, as: UTF8.self).split(whereSeparator: \.isNewline)
        let message = lines.first { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") } ?? lines.first
        return InputError("git \(subcommand(arguments)): \(message.map(String.init) ?? "exit \(status)")", kind: .git)
    }

    /// The git subcommand, for messages: the first argument that is not an option (or the value of `-c`).
    static func subcommand(_ arguments: [String]) -> String {
        var i = 0
        while i < arguments.count {
            if arguments[i] == "-c" || arguments[i] == "-C" || arguments[i] == "--git-dir" { i += 2; continue }
            if !arguments[i].hasPrefix("-") { return arguments[i] }
            i += 1
        }
        return ""
    }

    /// The top of the work tree containing `directory`, or nil when it is not in one.
    static func workTreeRoot(of directory: String) -> String? {
        guard let out = try? run(["rev-parse", "--show-toplevel"], in: directory) else { return nil }
        let path = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .newlines)
        return path.isEmpty ? nil : path
    }

    /// Splits NUL-terminated output (`-z`) into strings.
    static func splitNUL(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}
