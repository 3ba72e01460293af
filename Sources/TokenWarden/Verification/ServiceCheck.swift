import Foundation

// The seams of live verification (issue 16). A `ServiceCheck` knows one service's API as data:
// which hosts may see a secret, the one request that proves it valid, and what each documented
// response means. It sends nothing itself: the `Verifier` sends through an `HTTPTransport`, so the
// safety rules (hosts, redirects, timeouts, rate limits, one request per secret) live in one place.

/// One HTTP request a check asks to send. `url` is built on a base the verifier chose
/// (`ServiceHost`), never on text from the scanned repository unless the config allows that host.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: URL
    /// In order; names as the service documents them.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]?

    public init(method: String = "GET", url: URL, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    public static func == (a: HTTPRequest, b: HTTPRequest) -> Bool {
        a.method == b.method && a.url == b.url && a.body == b.body
            && a.headers.map { "\($0.name)\u{0}\($0.value)" } == b.headers.map { "\($0.name)\u{0}\($0.value)" }
    }
}

/// What came back. Header names are lower-cased; the body is cut at the transport's limit.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Why a request got no response. None of these carries the secret.
public enum TransportError: Error, Equatable, Sendable {
    case timeout
    /// Certificate or handshake failure: the request is never retried.
    case tls(String)
    case connection(String)
    /// A 3xx: redirects are never followed (a secret must not travel to a host its check did not name).
    case redirectRefused(location: String)
    /// No HTTP library at run time (the binary loads libcurl only for `--verify`).
    case unavailable(String)
}

extension TransportError {
    /// One line for a report or an error message; never holds the secret.
    public var reason: String {
        switch self {
        case .timeout: "timeout"
        case .tls(let why): "TLS failure: \(why)"
        case .connection(let why): "connection failed: \(why)"
        case .redirectRefused(let location): "redirect to \(location) refused"
        case .unavailable(let why): why
        }
    }
}

/// Sends one request. Implementations are synchronous and thread-safe; the verifier bounds concurrency.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse
}

/// The verdict of one live check.
public enum VerificationStatus: String, Codable, Sendable, CaseIterable {
    /// The service accepted the secret.
    case valid
    /// The service rejected it (revoked, expired, never real).
    case invalid
    /// No check exists for it, or the response proves neither (e.g. a token without the rights to
    /// call the endpoint), or a needed companion (an AWS secret key for its key id) was not found.
    case unknown
    /// The check could not be made: timeout, rate limited, TLS failure, 5xx after retries.
    case error
}

/// What the service reported of a valid secret. Every field is optional: services differ.
public struct LiveFacts: Hashable, Sendable {
    /// Login, user id, account or ARN, as the service names it.
    public var identity: String?
    /// Scopes or permissions, as the service names them (the store's and the policy's vocabulary).
    public var scopes: [String]?
    public var expires: Day?
    /// The service says the token has no expiry (GitLab's `expires_at: null`), which is not the same
    /// as saying nothing of it: a register that expects an end date is then wrong.
    public var neverExpires: Bool

    public init(identity: String? = nil, scopes: [String]? = nil, expires: Day? = nil, neverExpires: Bool = false) {
        self.identity = identity
        self.scopes = scopes
        self.expires = expires
        self.neverExpires = neverExpires && expires == nil
    }
}

/// A check's conclusion from one response (or the verifier's, from a transport error).
public struct VerificationOutcome: Hashable, Sendable {
    public var status: VerificationStatus
    /// Short and secret-free: "HTTP 401", "timeout", "rate limited", "no check for this rule".
    public var reason: String
    public var facts: LiveFacts?

    public init(_ status: VerificationStatus, _ reason: String, facts: LiveFacts? = nil) {
        self.status = status
        self.reason = reason
        self.facts = facts
    }
}

/// What a check is given of one finding: its secret, and what was found next to it in the same blob.
public struct VerificationSubject: Sendable {
    public var rule: String
    public var service: String
    public var secret: [UInt8]
    /// Other secrets matched in the same blob near this one (rule id, secret), e.g. the AWS secret
    /// access key beside its key id, or a Twilio auth token beside its account SID.
    public var companions: [(rule: String, secret: [UInt8])]
    /// The text around the secret in its blob (a bounded window), for an instance URL found near the
    /// token (`B2SHARE_URL=`, `CEC_URL=`, a Code Ocean domain). It holds secrets: never log it.
    public var context: [UInt8]

    public init(rule: String, service: String, secret: [UInt8], companions: [(rule: String, secret: [UInt8])] = [], context: [UInt8] = []) {
        self.rule = rule
        self.service = service
        self.secret = secret
        self.companions = companions
        self.context = context
    }
}

/// Where a check may send a secret: the service's fixed host, or a self-hosted instance that the
/// config allows (or that was found next to the token and listed by `--verify --dry-run`).
public struct ServiceHost: Hashable, Sendable {
    /// `https://zenodo.org`: scheme, host and port only.
    public var base: URL
    public var origin: Origin

    public enum Origin: String, Sendable {
        /// Built into the check.
        case fixed
        /// Named in the config's allow list.
        case configured
        /// Found in the text next to the token.
        case context
        /// A loopback test endpoint (`TOKENWARDEN_VERIFY_ENDPOINT_*`, tests only).
        case testOverride = "test-override"
    }

    public init(base: URL, origin: Origin) {
        self.base = base
        self.origin = origin
    }
}

/// One service's live check.
public protocol ServiceCheck: Sendable {
    /// The service name, as rules and the store spell it (`github`, `zenodo`, `aws`).
    var service: String { get }
    /// The rule ids this check verifies.
    var rules: Set<String> { get }
    /// The hosts the secret may go to, first preferred; empty when none can be chosen (e.g. a
    /// self-hosted service with no instance known): the finding is then `unknown`.
    func hosts(for subject: VerificationSubject) -> [ServiceHost]
    /// The request that proves the secret valid, on `host`; nil when the subject lacks something
    /// the check needs (its outcome is then `unknown`, with `missingReason`).
    func request(for subject: VerificationSubject, on host: ServiceHost, now: Date) -> HTTPRequest?
    /// What the documented response means.
    func interpret(_ response: HTTPResponse, for subject: VerificationSubject) -> VerificationOutcome
    /// Why `request(for:on:now:)` gave nothing, for the report (a requirement, so a check's own
    /// reason is the one reported through `any ServiceCheck`).
    var missingReason: String { get }
}

extension ServiceCheck {
    /// Why `request(for:on:now:)` gave nothing, for the report.
    public var missingReason: String { "the check needs a value not found next to the secret" }
}

/// A finding's live verdict, as the pipeline records it (`Verdict.live`) and reports show it
/// (`verification`, `verification_reason`, `verified_identity`, `scopes`, `over_scoped`).
public struct LiveVerdict: Hashable, Sendable {
    public var status: VerificationStatus
    public var reason: String
    /// The host the secret was sent to (nil when nothing was sent).
    public var host: String?
    public var facts: LiveFacts?
    /// From live scopes and the store's policy (`Policy.forbiddenScopes`): set only when the service reported scopes.
    public var overScoped: Bool?
    public var excessScopes: [String]?

    public init(
        status: VerificationStatus, reason: String, host: String? = nil, facts: LiveFacts? = nil, overScoped: Bool? = nil,
        excessScopes: [String]? = nil
    ) {
        self.status = status
        self.reason = reason
        self.host = host
        self.facts = facts
        self.overScoped = overScoped
        self.excessScopes = excessScopes
    }
}
