import Foundation

/// Twilio (https://www.twilio.com/docs/usage/requests-to-twilio, /docs/iam/api-keys): HTTP Basic with
/// an identifier as the user and the secret as the password. An account auth token pairs with its
/// account SID (`AC` + 32 hex, read from the text next to it): `GET /2010-04-01/Accounts/{SID}.json`;
/// an API key secret pairs with its key SID (`SK` + 32 hex, a `twilio-api-key-sid` companion or the
/// text): `GET /2010-04-01/Accounts.json`. 200 answers the account (`friendly_name`, `sid`); 401 is a
/// wrong pair. Without the SID nothing is sent.
struct TwilioCheck: ServiceCheck {
    static let authToken = "twilio-auth-token"
    static let keySecret = "twilio-api-key-secret"

    let service = "twilio"
    let rules: Set<String> = [Self.authToken, Self.keySecret]
    let missingReason = "needs the account SID (AC…) or API key SID (SK…) next to the secret"

    func hosts(for subject: VerificationSubject) -> [ServiceHost] { [.fixed("https://api.twilio.com")] }

    func sid(for subject: VerificationSubject) -> String? {
        if subject.rule == Self.authToken {
            return subject.contextIdentifier(prefixes: ["AC"], body: CheckText.isLowerHex, length: 32)
        }
        return subject.nearestCompanion(["twilio-api-key-sid"], before: true)
            ?? subject.contextIdentifier(prefixes: ["SK"], body: CheckText.isLowerHex, length: 32)
    }

    func request(for subject: VerificationSubject, on host: ServiceHost, now: Date) -> HTTPRequest? {
        guard let secret = subject.headerSafeSecret, let sid = sid(for: subject) else { return nil }
        let url =
            subject.rule == Self.authToken
            ? CheckSupport.url(host, "/2010-04-01/Accounts/\(sid).json")
            : CheckSupport.url(host, "/2010-04-01/Accounts.json", query: [URLQueryItem(name: "PageSize", value: "1")])
        return HTTPRequest(url: url, headers: [("Authorization", CheckText.basic(sid, secret))])
    }

    func interpret(_ response: HTTPResponse, for subject: VerificationSubject) -> VerificationOutcome {
        guard response.status == 200 else { return StatusReading.common(response) }
        var account = StatusReading.object(response)
        if let list = account?["accounts"] as? [[String: Any]] { account = list.first }
        let identity = [account?["friendly_name"] as? String, account?["sid"] as? String].compactMap { $0 }.joined(separator: ", ")
        return VerificationOutcome(.valid, "HTTP 200", facts: LiveFacts(identity: identity.isEmpty ? nil : identity))
    }
}
