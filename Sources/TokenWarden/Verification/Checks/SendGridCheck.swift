import Foundation

/// SendGrid (https://www.twilio.com/docs/sendgrid/api-reference/api-key-permissions/retrieve-a-list-of-scopes-for-which-this-user-has-access):
/// `GET https://api.sendgrid.com/v3/scopes` with the key as a bearer answers `{"scopes": [...]}`, the
/// key's own permissions, for any valid key; 401 is an invalid or revoked key; 403 a key without access.
struct SendGridCheck: ServiceCheck {
    let service = "sendgrid"
    let rules: Set<String> = ["sendgrid-api-key"]
    let missingReason = "the key holds characters no SendGrid key has"

    func hosts(for subject: VerificationSubject) -> [ServiceHost] { [.fixed("https://api.sendgrid.com")] }

    func request(for subject: VerificationSubject, on host: ServiceHost, now: Date) -> HTTPRequest? {
        guard let key = subject.headerSafeSecret else { return nil }
        return HTTPRequest(url: host.endpoint("/v3/scopes"), headers: [("Authorization", "Bearer \(key)")])
    }

    func interpret(_ response: HTTPResponse, for subject: VerificationSubject) -> VerificationOutcome {
        guard response.status == 200 else { return StatusReading.common(response) }
        return VerificationOutcome(.valid, "HTTP 200", facts: LiveFacts(scopes: ResponseBody.object(response)?["scopes"] as? [String]))
    }
}
