import Foundation

/// GitLab (https://docs.gitlab.com/api/personal_access_tokens/#self-informational-endpoints): personal,
/// project and group access tokens (`glpat-`) read themselves at `GET /api/v4/personal_access_tokens/self`,
/// which answers their `scopes`, `expires_at`, `user_id` and `active`; a CI/CD job token reads its job
/// at `GET /api/v4/job`. Runner authentication tokens are not checked: `POST /runners/verify` wants
/// the runner's `system_id` and records a runner manager for it, a write on the owner's instance.
/// gitlab.com is fixed; a self-managed instance is taken only from a URL next to the token
/// (`CI_SERVER_URL`, `GITLAB_URL`, …) or the config's allow list, and then the token goes only there.
struct GitLabCheck: ServiceCheck {
    static let accessTokens: Set<String> = ["gitlab-pat", "gitlab-pat-routable"]
    static let jobToken = "gitlab-cicd-job-token"
    static let instanceKeys = ["CI_SERVER_URL", "GITLAB_URL", "GITLAB_HOST", "GITLAB_BASE_URL", "CI_API_V4_URL"]

    let service = "gitlab"
    var rules: Set<String> { Self.accessTokens.union([Self.jobToken]) }
    let missingReason = "the token holds characters no GitLab token has"

    func hosts(for subject: VerificationSubject) -> [ServiceHost] {
        if let instance = CheckSupport.instances(in: subject.context, names: Self.instanceKeys, hostWords: []).first(where: {
            $0.host != "gitlab.com"
        }) {
            return [ServiceHost(base: instance, origin: .context)]
        }
        return [.fixed("https://gitlab.com")]
    }

    func request(for subject: VerificationSubject, on host: ServiceHost, now: Date) -> HTTPRequest? {
        guard let token = subject.headerSafeSecret else { return nil }
        switch subject.rule {
        case Self.jobToken:
            return HTTPRequest(url: CheckSupport.url(host, "/api/v4/job"), headers: [("JOB-TOKEN", token)])
        default:
            return HTTPRequest(url: CheckSupport.url(host, "/api/v4/personal_access_tokens/self"), headers: [("PRIVATE-TOKEN", token)])
        }
    }

    func interpret(_ response: HTTPResponse, for subject: VerificationSubject) -> VerificationOutcome {
        switch (subject.rule, response.status) {
        case (Self.jobToken, 200):
            let user = (StatusReading.object(response)?["user"] as? [String: Any])?["username"] as? String
            return VerificationOutcome(.valid, "HTTP 200", facts: LiveFacts(identity: user))
        case (_, 200):
            guard let body = StatusReading.object(response) else { return StatusReading.validUnread(response) }
            // The endpoint also answers for a revoked or expired token's own record in some versions.
            if body["active"] as? Bool == false || body["revoked"] as? Bool == true {
                return VerificationOutcome(.invalid, "HTTP 200, token inactive or revoked")
            }
            return VerificationOutcome(.valid, "HTTP 200", facts: accessTokenFacts(body))
        default:
            return StatusReading.common(response)
        }
    }

    func accessTokenFacts(_ body: [String: Any]) -> LiveFacts {
        let user = (body["user_id"] as? Int).map { "user \($0)" }
        let name = body["name"] as? String
        let identity = [name.map { "token \($0)" }, user].compactMap { $0 }.joined(separator: ", ")
        return LiveFacts(
            identity: identity.isEmpty ? nil : identity, scopes: body["scopes"] as? [String],
            expires: (body["expires_at"] as? String).flatMap { Day(parsing: $0) },
            // `expires_at: null` is documented as "no expiry" (only older instances allow one).
            neverExpires: body["expires_at"] is NSNull)
    }
}
