/// What the team allows its tokens to be: scope limits per service, expiry and age rules.
/// Defaults come from the services' own docs (the seeds): the scopes they warn about.
public struct Policy: Sendable, Equatable {
    public var maxAgeDays: Int?
    public var requireExpiry: Bool
    public var warnExpiringDays: Int
    /// service -> scope patterns (`*` wildcard) that must be justified by `needs`.
    public var forbiddenScopes: [String: [String]]
    /// Services whose token issued with no scope has the full access of its user (Pydio Cells).
    public var fullAccessWhenUnscoped: Set<String>
    /// Services whose `refresh: auto` expiry slides while the token is used, so without a hard
    /// expiry it never ends (Pydio Cells `cells admin user token -a`).
    public var autoRefreshSlides: Set<String>

    public init(
        maxAgeDays: Int? = 365, requireExpiry: Bool = true, warnExpiringDays: Int = 14,
        forbiddenScopes: [String: [String]] = Policy.defaultForbiddenScopes,
        fullAccessWhenUnscoped: Set<String> = Policy.defaultFullAccessWhenUnscoped,
        autoRefreshSlides: Set<String> = Policy.defaultAutoRefreshSlides
    ) {
        self.maxAgeDays = maxAgeDays
        self.requireExpiry = requireExpiry
        self.warnExpiringDays = warnExpiringDays
        self.forbiddenScopes = forbiddenScopes
        self.fullAccessWhenUnscoped = fullAccessWhenUnscoped
        self.autoRefreshSlides = autoRefreshSlides
    }

    public static let defaultForbiddenScopes: [String: [String]] = [
        // Classic PAT scopes that reach far beyond what CI jobs usually need.
        "github": ["repo", "admin:*", "delete_repo", "workflow", "write:packages", "delete:packages", "site_admin"],
        // deposit:actions publishes, and publishing on Zenodo cannot be undone.
        "zenodo": ["deposit:actions"],
        "zenodo-sandbox": ["deposit:actions"],
        // `all` grants every API scope of the account.
        "anaconda": ["all"],
        // Read & Write where Read would do.
        "codeocean": ["*:write", "write"],
        // Scopes the services report live (`scan --verify`): `api` is the whole API read-write, `sudo`
        // acts as any user; a write role or write permissions on every repository; keys that mint keys.
        "gitlab": ["api", "sudo", "admin_mode", "write_repository", "write_registry"],
        "huggingface": ["write", "*.write"],
        "sendgrid": ["api_keys.*", "user.*", "subusers.*"],
        "slack": ["admin", "admin.*"],
    ]

    // Pydio Cells: a PAT without a node scope acts as its user, and `-a` (auto-refresh) tokens
    // slide their expiry on every use.
    public static let defaultFullAccessWhenUnscoped: Set<String> = ["pydio-cells"]
    public static let defaultAutoRefreshSlides: Set<String> = ["pydio-cells"]

    /// Whether `scope` matches `pattern` (`*` matches any run of characters).
    static func matches(_ scope: String, _ pattern: String) -> Bool {
        guard pattern.contains("*") else { return scope == pattern }
        let pieces = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var rest = Substring(scope)
        for (i, piece) in pieces.enumerated() {
            if i == 0 {
                guard rest.hasPrefix(piece) else { return false }
                rest = rest.dropFirst(piece.count)
            } else if i == pieces.count - 1 {
                return piece.isEmpty || rest.hasSuffix(piece)
            } else if let r = rest.range(of: piece) {
                rest = rest[r.upperBound...]
            } else {
                return false
            }
        }
        return rest.isEmpty
    }
}

extension Policy {
    /// Reads a `policy:` map (of the store or of the config); unknown keys and bad values are errors.
    static func parse(_ node: ConfigNode, origin: String) throws -> Policy {
        var f = try ConfigFields(node, origin: origin, what: "policy")
        var policy = Policy()
        // 0 days of age means no limit; a negative count is a typo that would silently mean the same.
        if let days = try f.days("max_age_days") { policy.maxAgeDays = days > 0 ? days : nil }
        if let require = try f.bool("require_expiry") { policy.requireExpiry = require }
        if let days = try f.days("warn_expiring_days") { policy.warnExpiringDays = days }
        if let node = f.raw("forbidden_scopes") {
            var services = try ConfigFields(node, origin: origin, what: "forbidden_scopes")
            for service in services.keys {
                policy.forbiddenScopes[service] = try services.strings(service) ?? []
            }
            try services.finish("forbidden_scopes")
        }
        if let services = try f.strings("full_access_when_unscoped") { policy.fullAccessWhenUnscoped = Set(services) }
        if let services = try f.strings("auto_refresh_slides") { policy.autoRefreshSlides = Set(services) }
        try f.finish("policy")
        return policy
    }
}
