import Foundation

/// npm (https://docs.npmjs.com/cli/commands/npm-whoami, registry `/-/whoami`):
/// `GET https://registry.npmjs.org/-/whoami` with the token as a bearer answers `{"username": …}`;
/// 401 is an invalid or revoked token. A legacy UUID token written for another registry
/// (`//npm.pkg.github.com/:_authToken=…`, or `registry=` another host) is never sent to npmjs.
struct NPMCheck: BearerTokenCheck {
    static let legacy = "npm-legacy-auth-token"
    static let registry = "registry.npmjs.org"

    let service = "npm"
    let rules: Set<String> = ["npm-access-token", Self.legacy]
    let base = "https://\(NPMCheck.registry)"

    func hosts(for subject: VerificationSubject) -> [ServiceHost] {
        // Another registry's token: offered as a context host, which the verifier refuses unless
        // verify.hosts.npm lists it, so it never reaches npmjs.
        if subject.rule == Self.legacy, let named = Self.registryHost(for: subject), named != Self.registry {
            return URL(string: "https://\(named)").map { [ServiceHost(base: $0, origin: .context)] } ?? []
        }
        return [.fixed(base)]
    }

    /// The registry the token's own line names (`//HOST/…:_authToken=`), else a `registry=` line nearby.
    static func registryHost(for subject: VerificationSubject) -> String? {
        let lines = String(decoding: subject.context, as: UTF8.self).split(whereSeparator: \.isNewline)
        let secret = String(decoding: subject.secret, as: UTF8.self)
        if let own = lines.first(where: { $0.contains(secret) }), let slashes = own.range(of: "//") {
            return String(own[slashes.upperBound...].prefix { $0 != "/" && $0 != ":" })
        }
        return CheckSupport.instances(in: subject.context, names: ["registry="], hostWords: []).first?.host
    }

    func path(for subject: VerificationSubject) -> String { "/-/whoami" }

    func facts(_ response: HTTPResponse, for subject: VerificationSubject) -> LiveFacts {
        LiveFacts(identity: StatusReading.object(response)?["username"] as? String)
    }
}
