/// A rule's `verify:` key: how `scan --verify` proves one of its secrets live, written down next to
/// the rule so the request the check sends and what each answer means are reviewable as data.
/// It documents the check (`Verification/Checks/`); it does not drive it.
public struct RuleVerification: Equatable, Sendable {
    /// Method and URL, e.g. `GET https://api.github.com/user`.
    public var endpoint: String
    /// Which response means the secret is live.
    public var valid: String
    /// Which response means it is not.
    public var invalid: String
    public var notes: String?

    public init(endpoint: String, valid: String, invalid: String, notes: String? = nil) {
        self.endpoint = endpoint
        self.valid = valid
        self.invalid = invalid
        self.notes = notes
    }

    /// The methods an `endpoint:` may start with.
    static let methods: Set<String> = ["GET", "POST", "HEAD", "PUT", "DELETE", "PATCH"]
}
