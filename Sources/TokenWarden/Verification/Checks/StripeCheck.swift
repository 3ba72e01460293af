import Foundation

/// Stripe (https://docs.stripe.com/api/authentication, https://docs.stripe.com/api/errors):
/// `GET https://api.stripe.com/v1/account` with the key as a bearer. 200 answers the account (`id`,
/// `email`); 401 means no valid key; 403 means a valid (restricted) key that lacks the permission for
/// this endpoint, so the key is live, and its message names the account.
struct StripeCheck: BearerTokenCheck {
    let service = "stripe"
    let rules: Set<String> = ["stripe-secret-key", "stripe-restricted-key", "stripe-test-key"]
    let base = "https://api.stripe.com"

    func path(for subject: VerificationSubject) -> String { "/v1/account" }

    func facts(_ response: HTTPResponse, for subject: VerificationSubject) -> LiveFacts {
        let body = StatusReading.object(response)
        let identity = [body?["id"] as? String, body?["email"] as? String].compactMap { $0 }.joined(separator: ", ")
        return LiveFacts(identity: identity.isEmpty ? nil : identity)
    }

    func interpret(_ response: HTTPResponse, for subject: VerificationSubject) -> VerificationOutcome {
        switch response.status {
        case 200: return VerificationOutcome(.valid, "HTTP 200", facts: facts(response, for: subject))
        case 403:
            let message = ((StatusReading.object(response)?["error"] as? [String: Any])?["message"] as? String) ?? ""
            let account = CheckText.identifiers(in: Array(message.utf8), prefixes: ["acct_"], body: CheckText.isAlnum, length: 16).first?
                .text
            return VerificationOutcome(
                .valid, "HTTP 403: a restricted key without the right to read the account", facts: LiveFacts(identity: account))
        default:
            return StatusReading.common(response)
        }
    }
}
