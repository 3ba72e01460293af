import Foundation

/// Code Ocean: each deployment has its own domain, so there is no fixed host — the domain comes
/// from the text next to the token (`CodeOcean(domain=…)`, `CODEOCEAN_DOMAIN=`, `CODEOCEAN_URL=`, a
/// `https://…codeocean…` URL), used only when `verify.hosts.codeocean` lists it, else from that list.
/// `POST /api/v1/capsules/search` (limit 1), the token as the HTTP Basic user name with an empty
/// password. 200: valid. 401: invalid. 403: a token without access to capsules: unknown.
struct CodeOceanCheck: ServiceCheck {
    let service = "codeocean"
    let rules: Set<String> = ["codeocean-token-basic-auth", "codeocean-token-python-sdk", "codeocean-token-env", "codeocean-token"]

    func hosts(for subject: VerificationSubject) -> [ServiceHost] {
        CheckSupport.instances(in: subject.context, names: ["CODEOCEAN_DOMAIN", "CODEOCEAN_URL", "domain="], hostWords: ["codeocean"])
            .prefix(1).map { ServiceHost(base: $0, origin: .context) }
    }

    func request(for subject: VerificationSubject, on host: ServiceHost, now: Date) -> HTTPRequest? {
        let basic = Data((String(decoding: subject.secret, as: UTF8.self) + ":").utf8).base64EncodedString()
        return HTTPRequest(
            method: "POST", url: CheckSupport.url(host, "/api/v1/capsules/search"),
            headers: [("Authorization", "Basic " + basic), ("Content-Type", "application/json"), ("Accept", "application/json")],
            body: Array(#"{"limit":1}"#.utf8))
    }

    func interpret(_ response: HTTPResponse, for subject: VerificationSubject) -> VerificationOutcome {
        response.status == 200 ? VerificationOutcome(.valid, "HTTP 200") : CheckSupport.rejected(response)
    }
}
