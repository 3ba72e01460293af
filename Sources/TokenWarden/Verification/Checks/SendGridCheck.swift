import Foundation

/// SendGrid (https://www.twilio.com/docs/sendgrid/api-reference/api-key-permissions/retrieve-a-list-of-scopes-for-which-this-user-has-access):
/// `GET https://api.sendgrid.com/v3/scopes` with the key as a bearer answers `{"scopes": [...]}`, the
/// key's own permissions, for any valid key; 401 is an invalid or revoked key; 403 a key without access.
struct SendGridCheck: BearerTokenCheck {
    let service = "sendgrid"
    let rules: Set<String> = ["sendgrid-api-key"]
    let base = "https://api.sendgrid.com"

    func path(for subject: VerificationSubject) -> String { "/v3/scopes" }

    func facts(_ response: HTTPResponse, for subject: VerificationSubject) -> LiveFacts {
        LiveFacts(scopes: StatusReading.object(response)?["scopes"] as? [String])
    }
}
