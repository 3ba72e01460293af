import Foundation
import TokenWarden

/// Where `revoke` sends: api.github.com, or a loopback test endpoint
/// (`TOKENWARDEN_VERIFY_ENDPOINT_GITHUB`, as `scan --verify` honours it), through libcurl.
enum RevocationEndpoint {
    static func host() throws -> ServiceHost {
        let overrides = try EndpointOverrides.parse(ProcessInfo.processInfo.environment)
        let key = String(EndpointOverrides.variable(for: GitHubRevocation.service).dropFirst(EndpointOverrides.prefix.count))
        return overrides[key].map { ServiceHost(base: $0, origin: .testOverride) } ?? GitHubRevocation.host
    }

    static func transport() throws -> any HTTPTransport {
        do { try CurlTransport.checkAvailable() } catch { throw InputError("revoke: \(error.reason)") }
        return CurlTransport()
    }
}
