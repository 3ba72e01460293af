import Foundation

/// `.tokenwarden.yaml` (or `--config`): per-repository settings. Every key is optional; an unknown
/// key or a bad value is a one-line error naming it, so a typo cannot silently disable a check.
public struct Config: Sendable {
    public static let defaultPath = ".tokenwarden.yaml"

    /// Extra rule files or directories, relative to the config file.
    public var rulePaths: [String] = []
    public var disabledRules: [String] = []
    public var excludePaths: [String] = []
    /// Findings with these fingerprints (SHA-256 hex) are never reported.
    public var allowFingerprints: [String] = []
    /// Secrets matching these PCRE2 patterns are never reported (e.g. a test-token convention).
    public var allowSecretPatterns: [String] = []
    public var maxFileSize: Int?
    /// Overrides the entropy threshold of every catch-all (`generic`) rule.
    public var genericEntropy: EntropyThreshold?
    public var storePath: String?
    public var policy: Policy?
    public var failOn = BlockingPolicy()
    public var baseline: String?
    /// `verify:`: the self-hosted instances `scan --verify` may send secrets to.
    public var verify = VerifyConfig()
    public var origin: String = "<defaults>"

    public init() {}

    public static func load(path: String) throws -> Config {
        try parse(try YAMLFile.read(path, what: "the config file", limits: .handWritten), origin: path)
    }

    /// `directory` is the config file's directory, which the paths in it are relative to
    /// (by default the directory part of `origin`).
    public static func parse(_ text: String, origin: String, directory: String? = nil) throws -> Config {
        var config = Config()
        config.origin = origin
        guard let root = try ConfigNode.parseYAML(text, origin: origin) else { return config }
        var f = try ConfigFields(root, origin: origin, what: "the config")
        // Paths in the config are relative to the config file's directory.
        let base = directory ?? origin.lastIndex(of: "/").map { String(origin[..<$0]) } ?? ""
        func relative(_ p: String) -> String { p.hasPrefix("/") || base.isEmpty ? p : base + "/" + p }
        if let version = try f.int("version"), version != 1 {
            throw InputError("\(origin): unsupported config version \(version) (this tokenwarden reads version 1)")
        }
        config.rulePaths = (try f.strings("rules") ?? []).map(relative)
        config.disabledRules = try f.strings("disabled_rules") ?? []
        config.excludePaths = try f.strings("exclude_paths") ?? []
        if let node = f.raw("allow") {
            var allow = try ConfigFields(node, origin: origin, what: "allow")
            config.allowFingerprints = try allow.strings("fingerprints") ?? []
            for fp in config.allowFingerprints where !(fp.count == 64 && fp.allSatisfy(\.isHexDigit)) {
                throw InputError(
                    "\(allow.location): 'allow.fingerprints' entries must be 64 hex digits (a finding's fingerprint), not '\(fp)'")
            }
            config.allowSecretPatterns = try allow.strings("secrets") ?? []
            for pattern in config.allowSecretPatterns {
                do { _ = try PCRE2Pattern(pattern) } catch {
                    throw InputError("\(allow.location): 'allow.secrets' pattern '\(pattern)' does not compile: \(error)")
                }
            }
            try allow.finish("allow")
        }
        if let size = try f.int("max_file_size") {
            guard size > 0 else { throw InputError("\(f.location): 'max_file_size' must be a positive number of bytes") }
            config.maxFileSize = size
        }
        if let node = f.raw("entropy") {
            var e = try ConfigFields(node, origin: origin, what: "entropy")
            guard let hex = try e.double("hex"), let alnum = try e.double("alnum"), let b64 = try e.double("base64") else {
                throw InputError("\(e.location): 'entropy' needs hex, alnum and base64 thresholds")
            }
            try e.finish("entropy")
            config.genericEntropy = EntropyThreshold(hex: hex, alphanumeric: alnum, base64: b64)
        }
        config.storePath = try f.string("store").map(relative)
        config.baseline = try f.string("baseline").map(relative)
        if let node = f.raw("policy") {
            config.policy = try Policy.parse(node, origin: origin)
        }
        if let node = f.raw("verify") { config.verify = try VerifyConfig.parse(node, origin: origin) }
        if let node = f.raw("fail_on") {
            var fo = try ConfigFields(node, origin: origin, what: "fail_on")
            if let text = try fo.string("confidence") {
                guard let c = Confidence(rawValue: text) else {
                    throw InputError("\(fo.location): 'fail_on.confidence' must be low, medium or high, not '\(text)'")
                }
                config.failOn.minimumConfidence = c
            }
            if let statuses = try fo.strings("status") {
                config.failOn.statuses = Set(
                    try statuses.map { s in
                        guard let status = FindingStatus(rawValue: s) else {
                            throw InputError("\(fo.location): 'fail_on.status' entries must be leaked or unregistered, not '\(s)'")
                        }
                        return status
                    })
            }
            if let statuses = try fo.strings("verification") {
                config.failOn.verifications = Set(
                    try statuses.map { s in
                        guard let status = VerificationStatus(rawValue: s) else {
                            throw InputError(
                                "\(fo.location): 'fail_on.verification' entries must be valid, invalid, unknown or error, not '\(s)'")
                        }
                        return status
                    })
            }
            try fo.finish("fail_on")
        }
        try f.finish("the config")
        return config
    }

    /// Applies `disabled_rules` and the generic entropy override; unknown rule ids are errors.
    public func adjust(_ rules: [Rule]) throws -> [Rule] {
        let known = Set(rules.map(\.id))
        if let unknown = disabledRules.first(where: { !known.contains($0) }) {
            throw InputError("\(origin): 'disabled_rules' names an unknown rule '\(unknown)'")
        }
        return rules.map { rule in
            var r = rule
            if r.generic, let genericEntropy { r.entropy = genericEntropy }
            r.disabled = disabledRules.contains(r.id)
            return r
        }
    }
}
