/// What the rules make of a token being registered: a check that the service given is right.
public enum TokenRecognition: Equatable, Sendable {
    /// A rule for the service given matches the whole token.
    case recognised
    /// No rule matches the whole token: scans still find it by its fingerprint.
    case unrecognised(length: Int, charset: TokenCharset?)
    /// Rules for other services match it: probably a mistake in `--service`.
    case looksLike(services: [String])

    public init(token: [UInt8], service: String, rules: RuleSet) {
        let findings = FindingBuilder(ruleSet: rules).scan(
            Blob(bytes: token, provenance: Provenance(path: "<store add>")),
            with: Matcher(ruleSet: rules))
        let services = Set(findings.filter { $0.length == token.count }.map(\.service))
        if services.isEmpty {
            self = .unrecognised(length: token.count, charset: TokenCharset.of(token))
        } else if services.contains(service) {
            self = .recognised
        } else {
            self = .looksLike(services: services.sorted())
        }
    }
}
