import Foundation

/// B2SHARE (EUDAT, Invenio): `GET /api/user/?access_token=…`, the token as a query parameter as
/// its REST API documents. The instance is the one named next to the token (`B2SHARE_URL=`, an
/// `https://…b2share…` URL), else `b2share.eudat.eu`; EUDAT's own production and training hosts
/// are known, any other needs `verify.hosts.b2share` (see `HostChoice`). 200 with the user's `id`
/// or `email`: valid (identity = email, else id). 200 without a user (anonymous) or 401: invalid.
struct B2SHARECheck: ServiceCheck {
    let service = "b2share"
    let rules: Set<String> = ["b2share-token-assignment", "b2share-token-api-request", "b2share-token-file"]
    static let eudat = URL(string: "https://b2share.eudat.eu")!
    static let known: Set<URL> = [eudat, URL(string: "https://trng-b2share.eudat.eu")!]

    func hosts(for subject: VerificationSubject) -> [ServiceHost] {
        let found = CheckSupport.instances(
            in: subject.context, names: ["B2SHARE_URL", "B2SHARE_HOST", "b2share_url"], hostWords: ["b2share"])
        if let instance = found.first {
            return [ServiceHost(base: instance, origin: Self.known.contains(instance) ? .fixed : .context)]
        }
        return [ServiceHost(base: Self.eudat, origin: .fixed)]
    }

    func request(for subject: VerificationSubject, on host: ServiceHost, now: Date) -> HTTPRequest? {
        HTTPRequest(
            url: CheckSupport.url(
                host, "/api/user/", query: [URLQueryItem(name: "access_token", value: String(decoding: subject.secret, as: UTF8.self))]),
            headers: [("Accept", "application/json")])
    }

    func interpret(_ response: HTTPResponse, for subject: VerificationSubject) -> VerificationOutcome {
        guard response.status == 200 else { return CheckSupport.rejected(response) }
        let user = CheckSupport.object(response.body) ?? [:]
        guard let identity = CheckSupport.text(user["email"]) ?? CheckSupport.text(user["id"]) else {
            return VerificationOutcome(.invalid, "HTTP 200 without a user: the token was not accepted")
        }
        return VerificationOutcome(.valid, "HTTP 200", facts: LiveFacts(identity: identity))
    }
}
