import Foundation

/// A listed URL cloned for one scan: bare (no checkout, so no filter or hook can run), through the
/// hardened runner with only the listed transports allowed, into a temporary directory that
/// `remove()` deletes once the repository is scanned.
public final class RepositoryClone {
    /// The bare repository.
    let path: String
    private let directory: URL

    /// The directories of clones not yet removed, for `removeAll()` when the process is interrupted.
    private static let live = LockedBox<Set<URL>>([])

    /// Clones `url`; a failure is a one-line error with git's message, `label` standing in for the URL
    /// (which may carry a password).
    init(_ url: String, label: String, transports: Set<String> = RepositoryList.transports) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokenwarden-clone-\(UUID().uuidString)")
        self.directory = directory
        _ = Self.live.update { $0.insert(directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        path = directory.appendingPathComponent("repository.git").path
        let arguments = ["clone", "--bare", "--quiet", "--no-tags", "--", url, path]
        do {
            _ = try Git.run(arguments, environment: GitHardening.cloneEnvironment(transports: transports))
        } catch let error as InputError {
            remove()
            // git may quote the URL, or parts of it, in its message.
            var failure = error.description.replacingOccurrences(of: url, with: label)
            for secret in RepositoryList.credentials(in: url) { failure = failure.replacingOccurrences(of: secret, with: "***") }
            throw InputError(failure, kind: error.kind)
        } catch {
            remove()
            throw error
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
        _ = Self.live.update { $0.remove(directory) }
    }

    /// Deletes every clone still on disk: the CLI calls it when a signal ends the scan early. The git
    /// processes are ended first, so no clone goes on writing into a directory being removed.
    public static func removeAll() {
        ChildProcess.terminateAll()
        let directories = live.update { live in
            defer { live = [] }
            return live
        }
        for directory in directories {
            // A git ending on SIGTERM deletes its own files meanwhile, which can fail a removal half-way: try again.
            for _ in 0..<40 where FileManager.default.fileExists(atPath: directory.path) {
                try? FileManager.default.removeItem(at: directory)
                if FileManager.default.fileExists(atPath: directory.path) { usleep(25_000) }
            }
        }
    }
}
