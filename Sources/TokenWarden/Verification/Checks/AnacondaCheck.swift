import Foundation

/// Anaconda.org: `GET https://api.anaconda.org/user` with `Authorization: token …` (as
/// anaconda-client sends it). 200: valid, identity = `login`. 401: invalid (revoked or expired).
struct AnacondaCheck: ServiceCheck {
    let service = "anaconda"
    let rules: Set<String> = ["anaconda-token-env", "anaconda-token-cli", "anaconda-token-channel-url", "anaconda-token-file"]
    static let host = ServiceHost(base: URL(string: "https://api.anaconda.org")!, origin: .fixed)

    func hosts(for subject: VerificationSubject) -> [ServiceHost] { [Self.host] }

    func request(for subject: VerificationSubject, on host: ServiceHost, now: Date) -> HTTPRequest? {
        HTTPRequest(
            url: CheckSupport.url(host, "/user"),
            headers: [("Authorization", "token " + String(decoding: subject.secret, as: UTF8.self)), ("Accept", "application/json")])
    }

    func interpret(_ response: HTTPResponse, for subject: VerificationSubject) -> VerificationOutcome {
        guard response.status == 200 else { return CheckSupport.rejected(response) }
        let login = CheckSupport.text(CheckSupport.object(response.body)?["login"])
        return VerificationOutcome(.valid, "HTTP 200", facts: LiveFacts(identity: login))
    }
}
