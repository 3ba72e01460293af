import Foundation

/// Hugging Face (https://huggingface.co/docs/hub/api, `huggingface_hub.whoami`):
/// `GET https://huggingface.co/api/whoami-v2` with the token as a bearer. 200 answers the account
/// (`name`) and the token (`auth.accessToken`: `role` read / write / fineGrained, its `expiration`, and for fine-grained
/// tokens their `fineGrained.global` and `fineGrained.scoped[].permissions`); 401 is an invalid token.
struct HuggingFaceCheck: BearerTokenCheck {
    let service = "huggingface"
    let rules: Set<String> = ["huggingface-access-token"]
    let base = "https://huggingface.co"

    func path(for subject: VerificationSubject) -> String { "/api/whoami-v2" }

    func facts(_ response: HTTPResponse, for subject: VerificationSubject) -> LiveFacts {
        let body = StatusReading.object(response)
        let token = (body?["auth"] as? [String: Any])?["accessToken"] as? [String: Any]
        let expires = (token?["expiration"] as? String).flatMap { Day(parsing: String($0.prefix(10))) }
        return LiveFacts(identity: body?["name"] as? String, scopes: token.flatMap(scopes), expires: expires)
    }

    /// `read` / `write` as the role says; a fine-grained token's permissions (`repo.write`, …), each once, in order.
    func scopes(_ token: [String: Any]) -> [String]? {
        guard let role = token["role"] as? String else { return nil }
        guard role == "fineGrained", let grained = token["fineGrained"] as? [String: Any] else { return [role] }
        var seen = Set<String>()
        let scoped = (grained["scoped"] as? [[String: Any]] ?? []).flatMap { $0["permissions"] as? [String] ?? [] }
        return ((grained["global"] as? [String] ?? []) + scoped).filter { seen.insert($0).inserted }
    }
}
