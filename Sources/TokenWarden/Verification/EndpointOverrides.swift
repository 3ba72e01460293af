import Foundation

/// `TOKENWARDEN_VERIFY_ENDPOINT_<SERVICE>=http://127.0.0.1:PORT`: a loopback test endpoint that
/// replaces a service's hosts (service upper-cased, `-` as `_`). For tests only: anything but a
/// literal loopback address is an error, so the variable can never send a user's secrets elsewhere.
public enum EndpointOverrides {
    public static let prefix = "TOKENWARDEN_VERIFY_ENDPOINT_"

    /// The variable's name for `service`.
    public static func variable(for service: String) -> String {
        prefix + service.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// The overrides in `environment`, by variable suffix (`ZENODO_SANDBOX`).
    public static func parse(_ environment: [String: String]) throws -> [String: URL] {
        var overrides: [String: URL] = [:]
        for (name, value) in environment where name.hasPrefix(prefix) {
            let suffix = String(name.dropFirst(prefix.count))
            guard let c = URLComponents(string: value), let scheme = c.scheme?.lowercased(), scheme == "http" || scheme == "https",
                let host = c.host, LoopbackAddress.contains(host: host), c.user == nil, c.password == nil,
                c.path.isEmpty || c.path == "/", c.query == nil
            else {
                throw InputError(
                    "\(name)=\(value): a test endpoint must be http(s)://127.0.0.1:PORT or http(s)://[::1]:PORT (a literal loopback address); it is for tests only"
                )
            }
            var base = URLComponents()
            base.scheme = scheme
            base.host = host
            base.port = c.port
            overrides[suffix] = base.url!
        }
        return overrides
    }
}
