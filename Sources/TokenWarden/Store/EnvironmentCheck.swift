/// `store check-env`: compares what a pipeline's environment holds with what the store says
/// should be deployed there (`stored_in: env:NAME`), and spots tokens no one registered.
public enum EnvironmentCheck {
    public struct Entry: Codable, Sendable, Equatable {
        public enum State: String, Codable, Sendable {
            /// The variable holds the registered token.
            case registered
            /// It holds something else: the token was rotated without updating the store, or the variable is out of date.
            case stale
            /// A variable the store names is not set.
            case unset
            /// A secret no store entry knows (found by the rules in a variable the store does not name).
            case unknown
        }
        public var variable: String
        public var state: State
        public var tokenID: String?
        public var detail: String

        enum CodingKeys: String, CodingKey { case variable, state, tokenID = "token_id", detail }
    }

    public static func run(store: TokenStore, environment: [String: String], key: [UInt8]?, rules: RuleSet) throws -> [Entry] {
        let index = try StoreIndex(store, key: key)
        var entries: [Entry] = []
        var named = Set<String>()
        for token in store.tokens {
            for place in token.storedIn where place.hasPrefix("env:") {
                let name = String(place.dropFirst(4))
                named.insert(name)
                guard let value = environment[name] else {
                    entries.append(Entry(variable: name, state: .unset, tokenID: token.id, detail: "expected token \(token.id)"))
                    continue
                }
                let held = index.identify(Array(value.utf8))
                if held == token.id {
                    entries.append(
                        Entry(variable: name, state: .registered, tokenID: token.id, detail: "holds \(token.id) (\(token.service))"))
                } else if let other = held {
                    entries.append(
                        Entry(variable: name, state: .stale, tokenID: token.id, detail: "holds \(other), but the store says \(token.id)"))
                } else {
                    entries.append(
                        Entry(
                            variable: name, state: .stale, tokenID: token.id,
                            detail: "does not hold \(token.id) (rotated without `store rotate`, or an old value)"))
                }
            }
        }
        // Other variables: a registered token in an unlisted place (any name: a fingerprint match
        // is exact), or a secret nobody registered (only in credential-named variables: PWD or
        // PATH hold long random-looking values that are no secrets).
        let matcher = Matcher(ruleSet: rules)
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) where !named.contains(name) {
            let bytes = Array(value.utf8)
            if let id = index.identify(bytes) {
                entries.append(Entry(variable: name, state: .registered, tokenID: id, detail: "holds \(id), not listed in its stored_in"))
                continue
            }
            guard looksLikeCredential(name) else { continue }
            let found = FindingBuilder(ruleSet: rules).scan(
                Blob(bytes: Array("\(name)=\(value)".utf8), provenance: Provenance(path: "env:\(name)")), with: matcher)
            if let f = found.first(where: { BlockingPolicy().blocks($0) }) {
                entries.append(
                    Entry(
                        variable: name, state: .unknown, tokenID: nil,
                        detail: "an unregistered \(f.service) secret (\(f.rule), \(f.redacted))"))
            }
        }
        return entries.sorted { ($0.variable, $0.state.rawValue) < ($1.variable, $1.state.rawValue) }
    }

    /// Words that end a credential's name part: `GITHUB_TOKEN`, `NPM_AUTHTOKEN`, `DB_PASSWORD`, `AWS_SECRET_ACCESS_KEY`.
    static let credentialWords = [
        "TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "KEY", "CREDENTIAL", "CREDENTIALS",
        "CREDS", "AUTH", "APIKEY",
    ]

    /// Whether a variable's name says it holds a credential: a part (split at `_`, `-`, `.`) that
    /// is or ends with a credential word, or is `PAT`. `PWD` is not one: it is the working directory.
    static func looksLikeCredential(_ name: String) -> Bool {
        name.uppercased().split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." }).contains { part in
            part == "PAT" || credentialWords.contains { part.hasSuffix($0) }
        }
    }
}
