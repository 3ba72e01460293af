import Foundation

/// `scan URL`: a repository named by a clone URL (`https://…`, `git@host:path`, `ssh://…`,
/// `file://…`, `git://…`), cloned bare into a temporary directory and scanned by its history.
/// Checked before anything runs: a control character, an option-like URL or a transport that runs
/// a command (`ext::`) or is not one git clones over is a one-line error.
public struct RemoteRepository: Sendable, Equatable {
    /// The list's transports, and `git://` too: a URL typed for one scan is the user's own choice of
    /// an unauthenticated transport (noted in the output), unlike a line of an org-wide list.
    public static let transports = RepositoryList.transports.union([RepositoryList.gitDaemonProtocol])

    public let url: String
    /// The URL less any password or token in it: what reports and errors name.
    public let label: String

    public init(parsing url: String) throws {
        let checked = try RepositoryList.entry(
            url, line: 0, directory: URL(fileURLWithPath: "/"), at: "'\(url)'", transports: Self.transports)
        guard case .clone = checked.location else { throw InputError("'\(url)': not a clone URL") }
        self.url = url
        label = checked.label
    }

    /// Whether `argument` names a repository to clone rather than a path: it has a transport and no
    /// file of that name exists (a local `host:file` stays a file).
    public static func isURL(_ argument: String) -> Bool {
        guard RepositoryList.transport(of: argument) != nil else { return false }
        var st = stat()
        return lstat(argument, &st) != 0 && errno == ENOENT
    }

    /// What the output says about the transport, if anything.
    var transportNote: String? {
        RepositoryList.transport(of: url) == RepositoryList.gitDaemonProtocol
            ? "git:// is neither encrypted nor authenticated: what was scanned is what the network delivered" : nil
    }
}
