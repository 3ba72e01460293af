import Foundation

/// Where one secret may be sent, decided before anything is: the rule that keeps a verifier from
/// becoming an exfiltration path.
///
/// 1. An instance URL the check found next to the secret is used only when `verify.hosts` lists
///    it for the service (or `verify.context_hosts: true`); otherwise nothing is sent — the secret
///    never goes to another instance than its own, not even the service's default one.
/// 2. Else the first instance `verify.hosts` lists for the service.
/// 3. Else the check's fixed host (`api.github.com`, `zenodo.org`).
/// 4. Else nothing: a self-hosted service with no known instance stays `unknown`.
///
/// A test endpoint (`EndpointOverrides`) then replaces the chosen host, never rescuing a refusal.
enum HostChoice {
    enum Choice: Equatable {
        case send(ServiceHost)
        case refuse(String)
    }

    static func choose(
        _ candidates: [ServiceHost], service: String, config: VerifyConfig, overrides: [String: URL]
    ) -> Choice {
        let listed = config.hosts[service] ?? []
        let chosen: ServiceHost
        if let found = candidates.first(where: { $0.origin == .context }) {
            guard let base = InstanceURL.base(found.base.absoluteString) else {
                return .refuse("instance \(found.base.absoluteString) next to the secret is not an https URL")
            }
            guard listed.contains(base) || config.contextHosts else {
                return .refuse("instance \(base.absoluteString) next to the secret is not in verify.hosts.\(service)")
            }
            chosen = ServiceHost(base: base, origin: .context)
        } else if let configured = listed.first {
            chosen = ServiceHost(base: configured, origin: .configured)
        } else if let fixed = candidates.first(where: { $0.origin == .fixed }) {
            chosen = fixed
        } else {
            return .refuse("no instance known: list it in verify.hosts.\(service)")
        }
        let key = EndpointOverrides.variable(for: service).dropFirst(EndpointOverrides.prefix.count)
        if let test = overrides[String(key)] { return .send(ServiceHost(base: test, origin: .testOverride)) }
        return .send(chosen)
    }

    /// Whether `url` is on `base` (scheme, host and port): a check may choose the path, not the host.
    static func isOn(_ url: URL, _ base: URL) -> Bool {
        func parts(_ u: URL) -> (String?, String?, Int?) {
            let c = URLComponents(url: u, resolvingAgainstBaseURL: false)
            let scheme = c?.scheme?.lowercased()
            return (scheme, c?.host?.lowercased(), c?.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : nil))
        }
        return parts(url) == parts(base)
    }
}
