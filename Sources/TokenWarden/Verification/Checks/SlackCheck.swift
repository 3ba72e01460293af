import Foundation

/// Slack (https://api.slack.com/methods/auth.test): `POST https://slack.com/api/auth.test` with the
/// token as a bearer. Slack answers HTTP 200 either way: `"ok": true` with `user`, `team` and the
/// token's scopes in the `X-OAuth-Scopes` header is valid; `"ok": false` carries the reason in
/// `error` (`invalid_auth`, `token_revoked`, … mean invalid; `ratelimited` is an error).
struct SlackCheck: ServiceCheck {
    static let rejected: Set<String> = [
        "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "no_permission_for_token",
    ]

    let service = "slack"
    let rules: Set<String> = ["slack-bot-token", "slack-user-token", "slack-legacy-token", "slack-config-access-token"]
    let missingReason = "the token holds characters no Slack token has"

    func hosts(for subject: VerificationSubject) -> [ServiceHost] { [.fixed("https://slack.com")] }

    func request(for subject: VerificationSubject, on host: ServiceHost, now: Date) -> HTTPRequest? {
        guard let token = subject.headerSafeSecret else { return nil }
        return HTTPRequest(
            method: "POST", url: CheckSupport.url(host, "/api/auth.test"),
            headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/x-www-form-urlencoded")], body: [])
    }

    func interpret(_ response: HTTPResponse, for subject: VerificationSubject) -> VerificationOutcome {
        guard response.status == 200, let body = StatusReading.object(response) else { return StatusReading.common(response) }
        guard body["ok"] as? Bool == true else {
            let error = body["error"] as? String ?? "no error given"
            if Self.rejected.contains(error) { return VerificationOutcome(.invalid, "ok: false, \(error)") }
            if error == "ratelimited" { return VerificationOutcome(.error, "rate limited (ratelimited)") }
            return VerificationOutcome(.unknown, "ok: false, \(error)")
        }
        let user = body["user"] as? String
        let team = body["team"] as? String
        let identity = [user, team.map { "team \($0)" }].compactMap { $0 }.joined(separator: ", ")
        let scopes = response.headers["x-oauth-scopes"].map {
            $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return VerificationOutcome(
            .valid, "HTTP 200, ok: true", facts: LiveFacts(identity: identity.isEmpty ? nil : identity, scopes: scopes))
    }
}
