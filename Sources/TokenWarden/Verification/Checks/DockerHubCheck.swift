import Foundation

/// Docker Hub (https://docs.docker.com/reference/api/hub/latest/, "Create access token"):
/// `POST https://hub.docker.com/v2/auth/token` with `{"identifier": USER, "secret": TOKEN}` answers 200
/// and a short-lived `access_token` for a valid personal (or organisation) access token, 401 for a
/// wrong one. The identifier is the user (or organisation) name, read from the text next to the
/// token, the one written nearest ahead of it (`docker login -u NAME`, `"username": "NAME"`, `DOCKER_USERNAME=NAME`,
/// `DOCKER_ORG=NAME`); without one nothing is sent, and a 401 names the name it was tried with.
struct DockerHubCheck: ServiceCheck {
    static let nameKeys = [
        "docker login -u", "docker login --username", "--username", "username", "docker_user", "dockerhub_user", "docker_org",
        "dockerhub_org",
    ]

    let service = "dockerhub"
    let rules: Set<String> = ["dockerhub-pat", "dockerhub-org-access-token"]
    let missingReason = "needs the Docker Hub user or organisation name next to the token (docker login -u NAME, username: NAME)"

    func hosts(for subject: VerificationSubject) -> [ServiceHost] { [.fixed("https://hub.docker.com")] }

    /// The name after one of `nameKeys` (and its `=`, `:`, quotes, or an `_NAME`/`NAME` suffix) written
    /// nearest ahead of the token (else nearest after it): a file with two accounts' tokens pairs each
    /// with its own name.
    static func identifier(for subject: VerificationSubject) -> String? {
        let text = String(decoding: subject.context, as: UTF8.self)
        var found: [(offset: Int, text: [UInt8])] = []
        for key in nameKeys {
            var from = text.startIndex
            // Searched case-insensitively in the text itself: indices of a lower-cased copy would not fit it.
            while let hit = text.range(of: key, options: .caseInsensitive, range: from..<text.endIndex) {
                from = hit.upperBound
                let rest = text[hit.upperBound...].drop { $0.isLetter || $0 == "_" }.drop { " \t\"':=".contains($0) }
                // Docker Hub names: lower-case letters and digits, 4 to 30 for users (organisations may be shorter, with - and _).
                let name = rest.prefix { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }
                guard (2...30).contains(name.count), rest.dropFirst(name.count).first.map({ !$0.isLetter && !$0.isNumber }) ?? true
                else { continue }
                found.append((text.utf8.distance(from: text.startIndex, to: hit.lowerBound), Array(name.utf8)))
            }
        }
        return subject.nearest(found, before: true).map { String(decoding: $0, as: UTF8.self) }
    }

    func request(for subject: VerificationSubject, on host: ServiceHost, now: Date) -> HTTPRequest? {
        guard let token = subject.headerSafeSecret, let name = Self.identifier(for: subject),
            let body = try? JSONSerialization.data(withJSONObject: ["identifier": name, "secret": token], options: [.sortedKeys])
        else { return nil }
        return HTTPRequest(
            method: "POST", url: CheckSupport.url(host, "/v2/auth/token"),
            headers: [("Content-Type", "application/json"), ("Accept", "application/json")],
            body: Array(body))
    }

    func interpret(_ response: HTTPResponse, for subject: VerificationSubject) -> VerificationOutcome {
        let name = Self.identifier(for: subject)
        switch response.status {
        case 200: return VerificationOutcome(.valid, "HTTP 200", facts: LiveFacts(identity: name))
        // The pair was rejected: say which name was tried, since it was read from the text.
        case 401: return VerificationOutcome(.invalid, "HTTP 401 for the name \(name ?? "?")")
        default: return StatusReading.common(response)
        }
    }
}
