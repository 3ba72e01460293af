import Foundation

/// How `scan --verify` runs: set by the CLI from its flags, the config and the environment.
public struct VerificationSettings: Sendable {
    /// `--dry-run`: choose every host, send nothing.
    public var dryRun = false
    /// `--verify-timeout`: per request, connection included.
    public var timeout: Duration = .seconds(10)
    /// Requests in flight at once, over all services.
    public var concurrency = 4
    /// Further attempts after a timeout, a connection failure or a 5xx; also the number of 429 waits.
    public var retries = 2
    /// The wait before the first retry; it doubles for each further one.
    public var backoff: Duration = .milliseconds(500)
    /// A `Retry-After` longer than this is not waited for: the finding is `error` ("rate limited").
    public var maxRetryAfter: Duration = .seconds(30)
    /// Between two requests to one service.
    public var spacing: Duration = .milliseconds(100)
    /// The config's allow list of self-hosted instances.
    public var hosts = VerifyConfig()
    /// Loopback test endpoints by service (`EndpointOverrides`).
    public var overrides: [String: URL] = [:]

    public init() {}

    /// What decides which findings are verified and where they go, for the settings digest.
    var digestParts: [String] {
        ["verify", "dryRun \(dryRun)", "contextHosts \(hosts.contextHosts)"]
            + hosts.hosts.keys.sorted().map { "\($0)=" + hosts.hosts[$0]!.map(\.absoluteString).joined(separator: ",") }
    }
}
