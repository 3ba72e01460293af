import Foundation

/// Reads rule files (`rules: [ ... ]`) into `Rule` values, strictly: unknown keys,
/// bad types, duplicate ids and bad confidence values are one-line `InputError`s.
public enum RuleLoader {
    /// The rules compiled into the binary from `Rules/*.yaml`.
    /// The rules embedded at build time. A scan passes `examples: false`: only `rules check` and
    /// the tests read the examples, and building them is much of start-up.
    public static func builtIn(examples: Bool = true) throws -> [Rule] {
        var rules: [Rule] = []
        for file in EmbeddedRules.files {
            rules += try parse(file.root(examples), origin: "built-in:\(file.name)")
        }
        try checkUniqueIDs(rules)
        return rules
    }

    /// Every `*.yaml`/`*.yml` file in `directory` (not recursive), or the one file at that path.
    public static func load(path: String) throws -> [Rule] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw InputError("\(path): no such rule file or directory")
        }
        let files: [String]
        if isDir.boolValue {
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
                throw InputError("\(path): cannot list rule directory: \(error.localizedDescription)")
            }
            files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
        } else {
            files = [path]
        }
        var rules: [Rule] = []
        for file in files {
            rules += try parse(yaml: try YAMLFile.read(file, what: "rule file", limits: .handWritten), origin: file)
        }
        return rules
    }

    /// Rejects two rules with one id, counting former ids (aliases): ids name findings, baselines
    /// and allow comments, so each must lead to one rule.
    public static func checkUniqueIDs(_ rules: [Rule]) throws {
        var seen: [String: String] = [:]
        for rule in rules {
            for id in [rule.id] + rule.aliases {
                if let first = seen[id] {
                    throw InputError("\(rule.origin): duplicate rule id '\(id)' (first defined in \(first))")
                }
                seen[id] = rule.origin
            }
        }
    }

    public static func parse(yaml: String, origin: String) throws -> [Rule] {
        guard let root = try ConfigNode.parseYAML(yaml, origin: origin) else { return [] }
        return try parse(root, origin: origin)
    }

    static func parse(_ root: ConfigNode, origin: String) throws -> [Rule] {
        var top = try ConfigFields(root, origin: origin, what: "a rule file")
        _ = try top.int("version")
        let items = try top.list("rules") ?? []
        try top.finish("the rule file (expected 'rules')")
        return try items.map { try rule(from: $0, origin: origin) }
    }

    /// Rule ids: lower-case letters and digits, then also `.`, `_`, `-`.
    static func isValidID(_ id: String) -> Bool {
        id.utf8.enumerated().allSatisfy { i, c in
            (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || (i > 0 && (c == 0x2E || c == 0x5F || c == 0x2D))
        } && !id.isEmpty
    }

    private static func rule(from node: ConfigNode, origin: String) throws -> Rule {
        var f = try ConfigFields(node, origin: origin, what: "a rule")
        let id = try f.requiredString("id")
        if !isValidID(id) {
            throw InputError("\(f.location): rule id '\(id)' must be lower-case letters, digits, '.', '_' or '-'")
        }
        let where_ = "\(f.location): rule '\(id)'"
        let confidenceText = try f.string("confidence") ?? "medium"
        guard let confidence = Confidence(rawValue: confidenceText) else {
            throw InputError("\(where_): confidence must be low, medium or high, not '\(confidenceText)'")
        }
        let checksum = try f.string("checksum")
        if let checksum, Checksum(named: checksum) == nil {
            throw InputError("\(where_): unknown checksum '\(checksum)' (known: \(Checksum.allNames.joined(separator: ", ")))")
        }
        let keyCheck = try f.string("key_check")
        if let keyCheck, KeyCheck(named: keyCheck) == nil {
            throw InputError("\(where_): unknown key_check '\(keyCheck)' (known: \(KeyCheck.allNames.joined(separator: ", ")))")
        }
        let keywords = try f.strings("keywords") ?? []
        if keywords.contains(where: { $0.isEmpty }) {
            throw InputError("\(where_): keywords must not be empty strings")
        }
        let path = try f.string("path")
        let kind = try named(&f, "kind", where_, SecretKind.self)
        if keywords.isEmpty && path == nil {
            throw InputError("\(where_): needs 'keywords' or a 'path' (a rule without either would run on every file)")
        }
        let rule = Rule(
            id: id,
            aliases: try aliases(&f, where_, id: id),
            service: try f.requiredString("service"),
            description: try f.string("description") ?? "",
            keywords: keywords,
            regex: try f.requiredString("regex"),
            entropy: try entropy(&f, where_),
            checksum: checksum,
            keyCheck: keyCheck,
            confidence: confidence,
            path: path,
            kind: kind,
            generic: try f.bool("generic") ?? false,
            valueFilter: try named(&f, "value_filter", where_, ValueFilter.self),
            lowIn: try lowIn(&f, where_),
            remediation: try f.string("remediation"),
            references: try references(&f, where_),
            window: try window(&f, where_),
            verify: try verification(&f, where_),
            examples: try examples(&f, "examples"),
            negativeExamples: try examples(&f, "negative_examples"),
            origin: origin
        )
        try f.finish("rule '\(id)'")
        return rule
    }

    /// A key whose value must be one of an enumeration's raw values.
    private static func named<T: RawRepresentable & CaseIterable>(
        _ f: inout ConfigFields, _ key: String, _ where_: String, _ type: T.Type
    ) throws -> T? where T.RawValue == String {
        guard let text = try f.string(key) else { return nil }
        guard let value = T(rawValue: text) else {
            throw InputError("\(where_): \(key) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'")
        }
        return value
    }

    /// `low_in: [docs, tests, comments]`; absent means the default (docs for catch-all rules).
    private static func lowIn(_ f: inout ConfigFields, _ where_: String) throws -> Set<LowConfidenceContext>? {
        guard let names = try f.strings("low_in") else { return nil }
        return Set(
            try names.map { text in
                guard let context = LowConfidenceContext(rawValue: text) else {
                    throw InputError(
                        "\(where_): low_in entries must be \(LowConfidenceContext.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'"
                    )
                }
                return context
            })
    }

    /// Former ids: valid ids, none of them the rule's own.
    private static func aliases(_ f: inout ConfigFields, _ where_: String, id: String) throws -> [String] {
        let aliases = try f.strings("aliases") ?? []
        for alias in aliases where !isValidID(alias) || alias == id {
            throw InputError(
                "\(where_): alias '\(alias)' must be a former id: lower-case letters, digits, '.', '_' or '-', not the rule's own id")
        }
        return aliases
    }

    /// Documentation links: absolute https URLs with a host, since reports link to them.
    private static func references(_ f: inout ConfigFields, _ where_: String) throws -> [String] {
        let links = try f.strings("references") ?? []
        for link in links {
            guard let url = URLComponents(string: link), url.scheme == "https", !(url.host ?? "").isEmpty else {
                throw InputError("\(where_): reference '\(link)' must be an https URL")
            }
        }
        return links
    }

    /// `window: N` bytes, or `window: file` for the whole file.
    private static func window(_ f: inout ConfigFields, _ where_: String) throws -> Int? {
        guard let node = f.raw("window") else { return Rule.defaultWindow }
        if node.text == "file" { return nil }
        guard let bytes = node.int, bytes > 0 else {
            throw InputError("\(where_): window must be a positive number of bytes or 'file'")
        }
        return bytes
    }

    /// `verify: {endpoint: "GET https://…", valid: …, invalid: …, notes: …}`: the endpoint is a
    /// method and an https URL (a placeholder host such as `https://{instance}` is allowed).
    private static func verification(_ f: inout ConfigFields, _ where_: String) throws -> RuleVerification? {
        guard let node = f.raw("verify") else { return nil }
        var v = try ConfigFields(node, origin: f.origin, what: "verify")
        let endpoint = try v.requiredString("endpoint")
        let parts = endpoint.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, RuleVerification.methods.contains(parts[0]), parts[1].hasPrefix("https://"), parts[1].count > 8 else {
            throw InputError(
                "\(where_): verify endpoint must be a method and an https URL ('GET https://api.example.com/user'), not '\(endpoint)'")
        }
        let verification = RuleVerification(
            endpoint: endpoint, valid: try v.requiredString("valid"), invalid: try v.requiredString("invalid"), notes: try v.string("notes")
        )
        try v.finish("verify")
        return verification
    }

    private static func entropy(_ f: inout ConfigFields, _ where_: String) throws -> EntropyThreshold? {
        guard let node = f.raw("entropy") else { return nil }
        if let value = node.double { return EntropyThreshold(all: value) }
        guard case .map = node.kind else {
            throw InputError("\(where_): entropy must be a number or a mapping with hex, alnum and base64")
        }
        var m = try ConfigFields(node, origin: f.origin, what: "entropy")
        guard let hex = try m.double("hex"), let alnum = try m.double("alnum"), let b64 = try m.double("base64") else {
            throw InputError("\(where_): entropy must be a number or a mapping with hex, alnum and base64")
        }
        try m.finish("entropy")
        return EntropyThreshold(hex: hex, alphanumeric: alnum, base64: b64)
    }

    private static func examples(_ f: inout ConfigFields, _ key: String) throws -> [RuleExample] {
        guard let items = try f.list(key) else { return [] }
        return try items.map { item in
            if let text = item.text { return RuleExample(text: text) }
            var e = try ConfigFields(item, origin: f.origin, what: "an example")
            let protection = try e.string("key_protection")
            let keyProtection = try protection.map { name in
                guard let p = KeyProtection(rawValue: name) else {
                    throw InputError("\(e.location): key_protection must be passphrase or none, not '\(name)'")
                }
                return p
            }
            let example = RuleExample(
                text: try e.requiredString("text"), path: try e.string("path"), secret: try e.string("secret"),
                keyProtection: keyProtection)
            try e.finish("an example")
            return example
        }
    }
}
