import Foundation

/// Zenodo and its sandbox (separate hosts, separate tokens): `GET /api/deposit/depositions?size=1`
/// with `Authorization: Bearer`. 200: valid; the owner's user id comes from a deposition when the
/// account has one. 401: invalid. 403: a token without the deposit scopes (or a refusal): unknown.
/// Zenodo does not report a token's scopes.
struct ZenodoCheck: ServiceCheck {
    let service: String
    let rules: Set<String>
    let host: ServiceHost

    static let production = ZenodoCheck(
        service: "zenodo",
        rules: ["zenodo-token-assignment", "zenodo-token-zenodorc", "zenodo-token-config-block", "zenodo-token-api-request"],
        host: ServiceHost(base: URL(string: "https://zenodo.org")!, origin: .fixed))
    static let sandbox = ZenodoCheck(
        service: "zenodo-sandbox",
        rules: [
            "zenodo-sandbox-token-assignment", "zenodo-sandbox-token-zenodorc", "zenodo-sandbox-token-config-block",
            "zenodo-sandbox-token-api-request",
        ],
        host: ServiceHost(base: URL(string: "https://sandbox.zenodo.org")!, origin: .fixed))

    func hosts(for subject: VerificationSubject) -> [ServiceHost] { [host] }

    func request(for subject: VerificationSubject, on host: ServiceHost, now: Date) -> HTTPRequest? {
        HTTPRequest(
            url: CheckSupport.url(host, "/api/deposit/depositions", query: [URLQueryItem(name: "size", value: "1")]),
            headers: [("Authorization", "Bearer " + String(decoding: subject.secret, as: UTF8.self)), ("Accept", "application/json")])
    }

    func interpret(_ response: HTTPResponse, for subject: VerificationSubject) -> VerificationOutcome {
        guard response.status == 200 else { return CheckSupport.rejected(response) }
        let owner = CheckSupport.text((CheckSupport.array(response.body)?.first as? [String: Any])?["owner"])
        return VerificationOutcome(.valid, "HTTP 200", facts: LiveFacts(identity: owner.map { "user \($0)" }))
    }
}
