import Foundation

/// A listed URL cloned for one scan: bare (no checkout, so no filter or hook can run), through the
/// hardened runner with only the listed transports allowed, into a temporary directory that
/// `remove()` deletes once the repository is scanned.
final class RepositoryClone {
    /// The bare repository.
    let path: String
    private let directory: URL

    /// Clones `url`; a failure is a one-line error with git's message, `label` standing in for the URL
    /// (which may carry a password).
    init(_ url: String, label: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokenwarden-clone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        path = directory.appendingPathComponent("repository.git").path
        let arguments = ["clone", "--bare", "--quiet", "--no-tags", "--", url, path]
        do {
            _ = try Git.run(arguments, environment: GitHardening.cloneEnvironment(transports: RepositoryList.transports))
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

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
