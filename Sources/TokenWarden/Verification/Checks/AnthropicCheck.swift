import Foundation

/// Anthropic (https://docs.anthropic.com/en/api/overview, /en/api/errors, https://platform.claude.com/docs/en/api/admin/organizations/me): API keys call
/// `GET https://api.anthropic.com/v1/models` (free, changes nothing); admin keys call
/// `GET /v1/organizations/me`, which answers the organisation's `id` and `name`. Both send `x-api-key`
/// and `anthropic-version: 2023-06-01`. 401 `authentication_error` is invalid; 403
/// `permission_error` a key not allowed the endpoint; 429 `rate_limit_error` and 529 `overloaded_error` errors.
struct AnthropicCheck: ServiceCheck {
    static let admin = "anthropic-admin-key"

    let service = "anthropic"
    let rules: Set<String> = ["anthropic-api-key", Self.admin]
    let missingReason = "the key holds characters no Anthropic key has"

    func hosts(for subject: VerificationSubject) -> [ServiceHost] { [.fixed("https://api.anthropic.com")] }

    func request(for subject: VerificationSubject, on host: ServiceHost, now: Date) -> HTTPRequest? {
        guard let key = subject.headerSafeSecret else { return nil }
        let url =
            subject.rule == Self.admin
            ? CheckSupport.url(host, "/v1/organizations/me")
            : CheckSupport.url(host, "/v1/models", query: [URLQueryItem(name: "limit", value: "1")])
        return HTTPRequest(url: url, headers: [("x-api-key", key), ("anthropic-version", "2023-06-01")])
    }

    func interpret(_ response: HTTPResponse, for subject: VerificationSubject) -> VerificationOutcome {
        guard response.status == 200 else { return StatusReading.common(response) }
        let body = StatusReading.object(response)
        let organization = subject.rule == Self.admin ? (body?["name"] as? String ?? body?["id"] as? String) : nil
        return VerificationOutcome(.valid, "HTTP 200", facts: LiveFacts(identity: organization.map { "organization \($0)" }))
    }
}
