import Foundation

/// `TOKENWARDEN_VERIFY_ENDPOINT_<SERVICE>` (service upper-cased, `-` → `_`): a test server that
/// replaces a service's hosts. Only a literal loopback address is accepted, so the variable can
/// never send a user's secrets elsewhere; anything else is an error.
public enum TestEndpoint {
    public static func variable(for service: String) -> String {
        "TOKENWARDEN_VERIFY_ENDPOINT_" + service.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// The override for `service`, nil when the variable is unset or empty.
    public static func host(for service: String, environment: [String: String]) throws -> ServiceHost? {
        let name = variable(for: service)
        guard let text = environment[name], !text.isEmpty else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), let host = url.host,
            LoopbackAddress.contains(host: host), url.path.isEmpty || url.path == "/", url.user == nil, url.query == nil
        else {
            throw InputError("\(name) must be http(s)://127.0.0.1:PORT or http(s)://[::1]:PORT (a loopback test endpoint)")
        }
        // Scheme, host and port only: nothing else of the text reaches a request.
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        guard let base = URL(string: "\(scheme)://\(bracketed)\(url.port.map { ":\($0)" } ?? "")") else {
            throw InputError("\(name) is not a URL")
        }
        return ServiceHost(base: base, origin: .testOverride)
    }
}
