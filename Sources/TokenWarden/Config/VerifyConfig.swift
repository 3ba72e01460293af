import Foundation

/// The config's `verify:` map: which self-hosted instances `scan --verify` may send a secret to.
///
/// ```yaml
/// verify:
///   hosts:
///     b2share: [https://b2share.fz-juelich.de]
///     codeocean: [https://codeocean.example.edu]
///   context_hosts: false
/// ```
public struct VerifyConfig: Sendable, Equatable {
    /// service → instance bases (`https://host[:port]`): a secret of that service may go there. An
    /// instance URL found next to a secret is used only when it is listed here (or `contextHosts`).
    public var hosts: [String: [URL]] = [:]
    /// Also send to an instance URL found next to the secret that `hosts` does not list. Off by
    /// default: a repository could otherwise plant `B2SHARE_URL=https://attacker.example` next to a
    /// real token. `--verify --dry-run` lists every such host before anything is sent.
    public var contextHosts = false

    public init(hosts: [String: [URL]] = [:], contextHosts: Bool = false) {
        self.hosts = hosts
        self.contextHosts = contextHosts
    }

    static func parse(_ node: ConfigNode, origin: String) throws -> VerifyConfig {
        var f = try ConfigFields(node, origin: origin, what: "verify")
        var config = VerifyConfig()
        if let node = f.raw("hosts") {
            var services = try ConfigFields(node, origin: origin, what: "verify.hosts")
            for service in services.keys {
                let location = services.location
                config.hosts[service] = try (services.strings(service) ?? []).map { text in
                    guard let base = InstanceURL.base(text) else {
                        throw InputError(
                            "\(location): 'verify.hosts.\(service)' entries must be https URLs with a host and no path, user or query, not '\(text)'"
                        )
                    }
                    return base
                }
            }
            try services.finish("verify.hosts")
        }
        config.contextHosts = try f.bool("context_hosts") ?? false
        try f.finish("verify")
        return config
    }
}

/// An instance's base URL (`https://host[:port]`), from the config or from text next to a secret.
public enum InstanceURL {
    /// The base of an https URL with a host and nothing but an optional trailing `/` or path
    /// (`allowPath`); nil for anything else (http, a user, a query).
    public static func base(_ text: String, allowPath: Bool = false) -> URL? {
        guard let c = URLComponents(string: text), c.scheme?.lowercased() == "https", let host = c.host, !host.isEmpty,
            c.user == nil, c.password == nil, c.query == nil, c.fragment == nil,
            allowPath || c.path.isEmpty || c.path == "/",
            host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == ":" || $0 == "[" || $0 == "]") })
        else { return nil }
        var base = URLComponents()
        base.scheme = "https"
        base.host = host.lowercased()
        base.port = c.port
        return base.url
    }
}
