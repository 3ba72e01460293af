import Foundation

/// GitHub, every token kind that is presented as a bearer token: `GET https://api.github.com/user`.
/// 200: valid, identity = `login`, classic PATs and OAuth tokens list their scopes in
/// `X-OAuth-Scopes` (fine-grained and app tokens send no such header: scopes unknown), expiry in
/// `GitHub-Authentication-Token-Expiration`. 401: invalid (revoked, expired, never issued). 403
/// "Resource not accessible by integration": an installation token (`ghs_`), which is live but
/// cannot read a user. Refresh tokens (`ghr_`) are exchanged, never presented, so are not checked.
struct GitHubCheck: ServiceCheck {
    let service = "github"
    let rules: Set<String> = [
        "github-pat-classic", "github-oauth", "github-user-to-server", "github-server-to-server", "github-pat-fine-grained",
    ]
    static let host = ServiceHost(base: URL(string: "https://api.github.com")!, origin: .fixed)

    func hosts(for subject: VerificationSubject) -> [ServiceHost] { [Self.host] }

    func request(for subject: VerificationSubject, on host: ServiceHost, now: Date) -> HTTPRequest? {
        HTTPRequest(
            url: CheckSupport.url(host, "/user"),
            headers: [
                ("Authorization", "Bearer " + String(decoding: subject.secret, as: UTF8.self)), ("Accept", "application/vnd.github+json"),
                ("X-GitHub-Api-Version", "2022-11-28"),
            ])
    }

    func interpret(_ response: HTTPResponse, for subject: VerificationSubject) -> VerificationOutcome {
        switch response.status {
        case 200:
            let scopes = response.headers["x-oauth-scopes"].map {
                $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            let expires = response.headers["github-authentication-token-expiration"].flatMap(Day.init(parsing:))
            let login = CheckSupport.text(CheckSupport.object(response.body)?["login"])
            return VerificationOutcome(.valid, "HTTP 200", facts: LiveFacts(identity: login, scopes: scopes, expires: expires))
        case 403 where response.headers["x-ratelimit-remaining"] == "0":
            return VerificationOutcome(.error, "rate limited (HTTP 403, rate limit exhausted)")
        case 403:
            let message = CheckSupport.text(CheckSupport.object(response.body)?["message"]) ?? ""
            if message.localizedCaseInsensitiveContains("not accessible by integration") {
                return VerificationOutcome(.valid, "HTTP 403: an app installation token (live, cannot read /user)")
            }
            return CheckSupport.rejected(response)
        default:
            return CheckSupport.rejected(response)
        }
    }
}
