import Foundation

/// Pydio Cells: self-hosted, so the server comes from `CEC_URL=` next to the token (cells-client's
/// variable) or `verify.hosts.pydio-cells`. `POST /a/workspace` (search the caller's workspaces)
/// with `Authorization: Bearer`. 200: valid. 401: invalid (revoked, or past a hard expiry).
struct PydioCellsCheck: ServiceCheck {
    let service = "pydio-cells"
    let rules: Set<String> = ["pydio-cells-token-env", "pydio-cells-token-bearer", "pydio-cells-token-cli", "pydio-cells-token-config"]

    func hosts(for subject: VerificationSubject) -> [ServiceHost] {
        CheckSupport.instances(in: subject.context, names: ["CEC_URL"], hostWords: [])
            .prefix(1).map { ServiceHost(base: $0, origin: .context) }
    }

    func request(for subject: VerificationSubject, on host: ServiceHost, now: Date) -> HTTPRequest? {
        HTTPRequest(
            method: "POST", url: CheckSupport.url(host, "/a/workspace"),
            headers: [
                ("Authorization", "Bearer " + String(decoding: subject.secret, as: UTF8.self)), ("Content-Type", "application/json"),
                ("Accept", "application/json"),
            ],
            body: Array(#"{"Queries":[{}]}"#.utf8))
    }

    func interpret(_ response: HTTPResponse, for subject: VerificationSubject) -> VerificationOutcome {
        response.status == 200 ? VerificationOutcome(.valid, "HTTP 200") : CheckSupport.rejected(response)
    }
}
