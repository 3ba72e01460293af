import Foundation
import Yams

/// The team's register of issued tokens (`.tokenwarden/store.yaml`): fingerprints and metadata,
/// never a raw token. Reads are strict (a corrupt store is an error, never half-read); writes
/// are atomic with mode 0600, so a failed write leaves the old store intact.
public struct TokenStore: Sendable, Equatable {
    public static let version = 1
    public static let defaultPath = ".tokenwarden/store.yaml"
    public static let keyVariable = "TOKENWARDEN_STORE_KEY"

    public var tokens: [StoredToken] = []
    public var policy = Policy()

    public init(tokens: [StoredToken] = [], policy: Policy = Policy()) {
        self.tokens = tokens
        self.policy = policy
    }

    public func token(id: String) -> StoredToken? { tokens.first { $0.id == id } }

    // MARK: Reading

    public static func load(path: String) throws -> TokenStore {
        try parse(try YAMLFile.read(path, what: "the token store", limits: .generated), origin: path)
    }

    public static func parse(_ text: String, origin: String) throws -> TokenStore {
        // Tokens are read one by one as the parser reaches them, not from a tree of all of them.
        var tokens: [StoredToken] = []
        var ids = Set<String>()
        let root = try ConfigNode.parseYAML(text, origin: origin, limits: .generated, streaming: "tokens") { item in
            let token = try parseToken(item, origin: origin)
            guard ids.insert(token.id).inserted else {
                throw InputError("\(ConfigFields.locate(item, origin)): duplicate token id '\(token.id)'")
            }
            tokens.append(token)
        }
        guard let root else {
            throw InputError("\(origin): the token store is empty (expected 'version: 1')")
        }
        var f = try ConfigFields(root, origin: origin, what: "the token store")
        guard let version = try f.int("version") else { throw InputError("\(origin): missing 'version' (expected 1)") }
        guard version == TokenStore.version else {
            throw InputError("\(origin): unsupported store version \(version) (this tokenwarden reads version 1)")
        }
        var store = TokenStore()
        if let node = f.raw("policy") { store.policy = try Policy.parse(node, origin: origin) }
        _ = try f.list("tokens")  // Read above; here only checked to be a list.
        store.tokens = tokens
        try f.finish("the token store")
        return store
    }

    private static func parseDay(_ f: inout ConfigFields, _ key: String, allowNever: Bool) throws -> Day?? {
        guard let text = try f.string(key) else { return nil }
        if allowNever && text == "never" { return .some(nil) }
        guard let day = Day(parsing: text) else {
            throw InputError("\(f.location): '\(key)' must be a date like 2026-12-31\(allowNever ? " or 'never'" : ""), not '\(text)'")
        }
        return .some(day)
    }

    private static func parseToken(_ node: ConfigNode, origin: String) throws -> StoredToken {
        var f = try ConfigFields(node, origin: origin, what: "a token")
        let id = try f.requiredString("id")
        let fingerprintText = try f.requiredString("fingerprint")
        guard let fingerprint = StoredFingerprint(parsing: fingerprintText) else {
            throw InputError("\(f.location): token '\(id)': fingerprint must be sha256:<64 hex> or hmac-sha256:<64 hex>")
        }
        guard let length = try f.int("length"), length > 0 else {
            throw InputError("\(f.location): token '\(id)': missing or bad 'length'")
        }
        let charsetText = try f.string("charset") ?? TokenCharset.printable.rawValue
        guard let charset = TokenCharset(rawValue: charsetText) else {
            throw InputError(
                "\(f.location): token '\(id)': charset must be one of \(TokenCharset.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let created = try parseDay(&f, "created", allowNever: false) ?? nil else {
            throw InputError("\(f.location): token '\(id)': missing 'created'")
        }
        guard let expires = try parseDay(&f, "expires", allowNever: true) else {
            throw InputError("\(f.location): token '\(id)': missing 'expires' (a date or 'never')")
        }
        var refresh: StoredToken.Refresh?
        if let text = try f.string("refresh") {
            guard let r = StoredToken.Refresh(rawValue: text) else {
                throw InputError("\(f.location): token '\(id)': refresh must be hard or auto, not '\(text)'")
            }
            refresh = r
        }
        let token = StoredToken(
            id: id, service: try f.requiredString("service"), fingerprint: fingerprint, length: length, charset: charset,
            owner: try f.string("owner") ?? "", scopes: try f.strings("scopes") ?? [], needs: try f.strings("needs"),
            created: created, expires: expires, refresh: refresh, storedIn: try f.strings("stored_in") ?? [],
            note: try f.string("note"))
        try f.finish("token '\(id)'")
        return token
    }

    // MARK: Writing

    public func yaml() throws -> String {
        func scalar(_ s: String) -> Node { Node(s) }
        func list(_ items: [String]) -> Node { Node.sequence(Node.Sequence(items.map(scalar), Tag(.seq), .flow)) }
        func map(_ pairs: [(String, Node?)]) -> Node {
            Node.mapping(Node.Mapping(pairs.compactMap { k, v in v.map { (scalar(k), $0) } }))
        }
        var policyPairs: [(String, Node?)] = [
            ("max_age_days", scalar(String(policy.maxAgeDays ?? 0))),
            ("require_expiry", scalar(policy.requireExpiry ? "true" : "false")),
            ("warn_expiring_days", scalar(String(policy.warnExpiringDays))),
        ]
        if policy.forbiddenScopes != Policy.defaultForbiddenScopes {
            policyPairs.append(
                ("forbidden_scopes", map(policy.forbiddenScopes.sorted { $0.key < $1.key }.map { ($0.key, list($0.value)) })))
        }
        if policy.fullAccessWhenUnscoped != Policy.defaultFullAccessWhenUnscoped {
            policyPairs.append(("full_access_when_unscoped", list(policy.fullAccessWhenUnscoped.sorted())))
        }
        if policy.autoRefreshSlides != Policy.defaultAutoRefreshSlides {
            policyPairs.append(("auto_refresh_slides", list(policy.autoRefreshSlides.sorted())))
        }
        let tokenNodes = tokens.map { t in
            map([
                ("id", scalar(t.id)), ("service", scalar(t.service)), ("fingerprint", scalar(t.fingerprint.description)),
                ("length", scalar(String(t.length))), ("charset", scalar(t.charset.rawValue)), ("owner", scalar(t.owner)),
                ("scopes", list(t.scopes)), ("needs", t.needs.map(list)), ("created", scalar(t.created.description)),
                ("expires", scalar(t.expires?.description ?? "never")), ("refresh", t.refresh.map { scalar($0.rawValue) }),
                ("stored_in", t.storedIn.isEmpty ? nil : list(t.storedIn)), ("note", t.note.map(scalar)),
            ])
        }
        let root = map([
            ("version", scalar("1")),
            ("policy", map(policyPairs)),
            ("tokens", Node.sequence(Node.Sequence(tokenNodes))),
        ])
        let header = "# tokenwarden token store: fingerprints and metadata of issued tokens, never the tokens.\n"
        return header + (try Yams.serialize(node: root))
    }

    /// Writes atomically (temp file + fsync + rename) with mode 0600 whatever the umask. Not
    /// locked: to change a store others may be changing too, use `update(path:_:)`.
    func save(path: String) throws {
        let text = try yaml()
        // Round-trip before writing: never replace a good store with one that cannot be read back.
        _ = try TokenStore.parse(text, origin: path)
        try AtomicFile.write(text, to: path, permissions: .exactly(0o600))
    }

    /// Changes the store at `path` under an exclusive lock on `PATH.lock`, from read to write:
    /// two `store add` runs both land, and a `rotate` beside an `add` is never undone. A symlinked
    /// store is updated where the link points; temporary files a killed writer left are removed.
    /// A missing store starts empty when `creating`, else it is an error.
    @discardableResult
    public static func update<T>(path: String, creating: Bool, _ change: (inout TokenStore) throws -> T) throws -> T {
        let target = try AtomicFile.target(of: path)
        let missing = InputError("\(path): no such token store (create one with `tokenwarden store add`)")
        guard creating || FileManager.default.fileExists(atPath: target) else { throw missing }
        let directory = (target as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        return try FileLock.holding(beside: target) {
            AtomicFile.removeStaleTemporaryFiles(of: target)
            // Whether it exists, and what it holds, is only known once the lock is held.
            let exists = FileManager.default.fileExists(atPath: target)
            guard creating || exists else { throw missing }
            var store = exists ? try load(path: target) : TokenStore()
            let result: T
            do { result = try change(&store) } catch let error as InputError { throw InputError("\(path): \(error.description)") }
            try store.save(path: target)
            return result
        }
    }

    // MARK: Locating

    /// The store to use: `--store`, else TOKENWARDEN_STORE, else the config's, else the default path
    /// when it exists. `explicit` is true when the user named it (so a missing file is an error).
    public static func locate(
        option: String?, configured: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (path: String, explicit: Bool)? {
        if let option { return (option, true) }
        if let env = environment["TOKENWARDEN_STORE"], !env.isEmpty { return (env, true) }
        if let configured { return (configured, true) }
        return FileManager.default.fileExists(atPath: defaultPath) ? (defaultPath, false) : nil
    }

    /// The HMAC key from TOKENWARDEN_STORE_KEY, if set.
    public static func key(environment: [String: String] = ProcessInfo.processInfo.environment) -> [UInt8]? {
        guard let key = environment[keyVariable], !key.isEmpty else { return nil }
        return Array(key.utf8)
    }
}
