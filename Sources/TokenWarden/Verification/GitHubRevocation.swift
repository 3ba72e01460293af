import Foundation

/// `tokenwarden revoke`: GitHub's credential revocation API (`POST /credentials/revoke` on
/// api.github.com, docs.github.com/rest/credentials/revoke). It is meant for tokens the caller
/// does not own: it takes no authentication (an authenticated call gets 403), up to 1000 tokens a
/// call, 60 calls an hour; 202 means accepted (GitHub revokes the valid ones and notifies their
/// owners; it cannot reactivate them), 422 "validation failed, or the endpoint has been spammed".
public enum GitHubRevocation {
    public static let service = "github"
    public static let host = ServiceHost(base: URL(string: "https://api.github.com")!, origin: .fixed)
    public static let path = "/credentials/revoke"
    /// GitHub's limit of tokens per request.
    public static let batchLimit = 1000

    /// The kinds the API accepts (classic and fine-grained PATs, OAuth app tokens, GitHub App
    /// user-to-server and refresh tokens), by rule id. Installation tokens (`ghs_`) are not among them.
    public static let revocableRules: Set<String> = [
        "github-pat-classic", "github-pat-fine-grained", "github-oauth", "github-user-to-server", "github-refresh",
    ]

    /// One token given to `revoke`, judged before anything is sent.
    public struct Candidate: Sendable {
        public var secret: [UInt8]
        /// Never the token: its public prefix and a few last characters.
        public var redacted: String
        /// The GitHub rule that recognises the whole token; nil when refused.
        public var rule: String?
        /// Why it will not be sent (not a GitHub token, a kind the API does not take, a failing checksum).
        public var refusal: String?
    }

    /// Recognises each token with the rules: only whole-token matches of a revocable GitHub rule
    /// with a checksum that holds may be sent, so no other service's secret ever goes to GitHub.
    public static func candidates(_ tokens: [[UInt8]], rules: RuleSet) -> [Candidate] {
        let builder = FindingBuilder(ruleSet: rules)
        let matcher = Matcher(ruleSet: rules)
        return tokens.map { token in
            let findings = builder.scan(Blob(bytes: token, provenance: Provenance(path: "<revoke>")), with: matcher)
                .filter { $0.length == token.count }
            // The rule's redaction shows its public prefix (`xoxb…`), which says what the value is.
            let masked = findings.first?.redacted ?? Redaction.redact(token)
            guard let f = findings.first(where: { revocableRules.contains($0.rule) }) else {
                let kind = findings.first.map { "a \($0.service) secret (\($0.rule))" } ?? "not a token any rule recognises"
                let why =
                    findings.contains { $0.service == service }
                    ? "a GitHub token kind the revocation API does not accept (\(findings[0].rule))"
                    : "not a GitHub token: \(kind)"
                return Candidate(secret: token, redacted: masked, rule: nil, refusal: why)
            }
            guard f.checksum != .invalid else {
                return Candidate(secret: token, redacted: f.redacted, rule: f.rule, refusal: "its checksum fails: GitHub never issued it")
            }
            return Candidate(secret: token, redacted: f.redacted, rule: f.rule, refusal: nil)
        }
    }

    /// The request for one batch (at most `batchLimit` tokens), unauthenticated as the API requires.
    public static func request(for tokens: [[UInt8]], on host: ServiceHost) -> HTTPRequest {
        precondition(tokens.count <= batchLimit, "a revocation batch holds at most \(batchLimit) tokens")
        let body = try! JSONSerialization.data(
            withJSONObject: ["credentials": tokens.map { String(decoding: $0, as: UTF8.self) }], options: [.sortedKeys])
        return HTTPRequest(
            method: "POST", url: host.base.appendingPathComponent(String(path.dropFirst())),
            headers: [
                ("Accept", "application/vnd.github+json"), ("X-GitHub-Api-Version", "2022-11-28"),
                ("Content-Type", "application/json"), ("User-Agent", "tokenwarden"),
            ],
            body: Array(body))
    }

    /// What GitHub made of one batch.
    public enum BatchOutcome: Equatable, Sendable {
        /// 202: accepted; valid tokens are revoked and their owners notified.
        case accepted
        /// 422, or another status: nothing of the batch is known to be revoked.
        case rejected(String)
        /// 403 or 429 for too many calls (60 an hour); `retryAfter` seconds when GitHub says.
        case rateLimited(retryAfter: Int?)
        /// No response: timeout, TLS, connection, a redirect refused.
        case failed(String)
    }

    public static func interpret(_ response: HTTPResponse) -> BatchOutcome {
        switch response.status {
        case 202, 200, 204:
            return .accepted
        case 422:
            return .rejected("HTTP 422: validation failed, or the endpoint has been spammed")
        case 429:
            return .rateLimited(retryAfter: retryAfter(response))
        case 403 where response.headers["x-ratelimit-remaining"] == "0" || response.headers["retry-after"] != nil:
            return .rateLimited(retryAfter: retryAfter(response))
        case 403:
            return .rejected("HTTP 403 (the API refuses authenticated calls)")
        case 500...599:
            return .failed("HTTP \(response.status): GitHub's error")
        default:
            return .rejected("HTTP \(response.status)")
        }
    }

    static func retryAfter(_ response: HTTPResponse) -> Int? {
        response.headers["retry-after"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// The per-batch results of sending `tokens` in batches through `transport`; after a rate
    /// limit the remaining batches are not sent (they would be refused too).
    public static func send(_ tokens: [[UInt8]], on host: ServiceHost, through transport: any HTTPTransport) -> [(
        range: Range<Int>, outcome: BatchOutcome
    )] {
        var results: [(range: Range<Int>, outcome: BatchOutcome)] = []
        var start = 0
        while start < tokens.count {
            let range = start..<min(start + batchLimit, tokens.count)
            start = range.upperBound
            if case .rateLimited = results.last?.outcome {
                results.append((range, .failed("not sent: rate limited")))
                continue
            }
            let outcome: BatchOutcome
            do {
                outcome = interpret(try transport.send(request(for: Array(tokens[range]), on: host)))
            } catch {
                outcome = .failed(error.reason)
            }
            results.append((range, outcome))
        }
        return results
    }
}
