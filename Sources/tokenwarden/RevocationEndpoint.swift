import Foundation
import TokenWarden

/// Where `revoke` sends: api.github.com, or a loopback test endpoint
/// (`TOKENWARDEN_VERIFY_ENDPOINT_GITHUB`, as `scan --verify` honours it), through libcurl.
enum RevocationEndpoint {
    static func host() throws -> ServiceHost {
        try TestEndpoint.host(for: GitHubRevocation.service, environment: ProcessInfo.processInfo.environment) ?? GitHubRevocation.host
    }

    static func transport() -> any HTTPTransport { CurlTransport() }
}
