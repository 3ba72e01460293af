import Foundation

/// OpenAI (https://platform.openai.com/docs/api-reference/authentication): project, service-account
/// and legacy keys call `GET https://api.openai.com/v1/models` (every key with any model access may;
/// the `openai-organization` response header names the organisation); admin keys call the admin-only
/// `GET /v1/organization/admin_api_keys?limit=1`. 401 is an invalid or revoked key; 403 a key whose
/// permissions exclude the endpoint.
struct OpenAICheck: BearerTokenCheck {
    static let admin = "openai-admin-key"

    let service = "openai"
    let rules: Set<String> = ["openai-project-key", "openai-legacy-key", Self.admin]
    let base = "https://api.openai.com"

    func path(for subject: VerificationSubject) -> String {
        subject.rule == Self.admin ? "/v1/organization/admin_api_keys" : "/v1/models"
    }

    func query(for subject: VerificationSubject) -> [URLQueryItem] {
        subject.rule == Self.admin ? [URLQueryItem(name: "limit", value: "1")] : []
    }

    func facts(_ response: HTTPResponse, for subject: VerificationSubject) -> LiveFacts {
        LiveFacts(identity: response.headers["openai-organization"])
    }
}
