import Foundation

/// A check that sends the secret as `Authorization: Bearer` to one path of one fixed host (Stripe,
/// OpenAI, Hugging Face, npm, SendGrid): each states its host and path and reads its own answers.
protocol BearerTokenCheck: ServiceCheck {
    /// `https://api.example.com`: the service's own host.
    var base: String { get }
    func path(for subject: VerificationSubject) -> String
    /// Query items of the request (`limit=1`); none unless a check says.
    func query(for subject: VerificationSubject) -> [URLQueryItem]
    /// What a 200 tells of the secret (its owner, scopes); the other statuses read as `StatusReading.common`.
    func facts(_ response: HTTPResponse, for subject: VerificationSubject) -> LiveFacts
}

extension BearerTokenCheck {
    var missingReason: String { "the secret holds bytes no HTTP header may carry" }

    func query(for subject: VerificationSubject) -> [URLQueryItem] { [] }

    func interpret(_ response: HTTPResponse, for subject: VerificationSubject) -> VerificationOutcome {
        guard response.status == 200 else { return StatusReading.common(response) }
        return VerificationOutcome(.valid, "HTTP 200", facts: facts(response, for: subject))
    }

    func hosts(for subject: VerificationSubject) -> [ServiceHost] { [.fixed(base)] }

    func request(for subject: VerificationSubject, on host: ServiceHost, now: Date) -> HTTPRequest? {
        guard let token = subject.headerSafeSecret else { return nil }
        return HTTPRequest(
            url: CheckSupport.url(host, path(for: subject), query: query(for: subject)), headers: [("Authorization", "Bearer \(token)")])
    }
}
