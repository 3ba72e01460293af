import Foundation
import Yams

/// Reads rule files (`rules: [ ... ]`) into `Rule` values, strictly: unknown keys,
/// bad types, duplicate ids and bad confidence values are one-line `InputError`s.
public enum RuleLoader {
    /// The rules compiled into the binary from `Rules/*.yaml`.
    public static func builtIn() throws -> [Rule] {
        var rules: [Rule] = []
        for file in EmbeddedRules.files {
            rules += try parse(yaml: file.yaml, origin: "built-in:\(file.name)")
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
            guard let data = FileManager.default.contents(atPath: file) else {
                throw InputError("\(file): cannot read rule file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw InputError("\(file): rule file is not valid UTF-8")
            }
            rules += try parse(yaml: text, origin: file)
        }
        return rules
    }

    /// Rejects two rules with one id: ids name findings, baselines and allow comments.
    public static func checkUniqueIDs(_ rules: [Rule]) throws {
        var seen: [String: String] = [:]
        for rule in rules {
            if let first = seen[rule.id] {
                throw InputError("\(rule.origin): duplicate rule id '\(rule.id)' (first defined in \(first))")
            }
            seen[rule.id] = rule.origin
        }
    }

    public static func parse(yaml: String, origin: String) throws -> [Rule] {
        guard let root = try composeYAML(yaml, origin: origin) else { return [] }
        var top = try YAMLFields(root, origin: origin, what: "a rule file")
        _ = try top.int("version")
        let items = try top.sequence("rules") ?? []
        try top.finish("the rule file (expected 'rules')")
        return try items.map { try rule(from: $0, origin: origin) }
    }

    private static let idPattern = try! NSRegularExpression(pattern: "^[a-z0-9][a-z0-9._-]*$")

    private static func rule(from node: Node, origin: String) throws -> Rule {
        var f = try YAMLFields(node, origin: origin, what: "a rule")
        let id = try f.requiredString("id")
        if idPattern.firstMatch(in: id, range: NSRange(id.startIndex..., in: id)) == nil {
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
        let keywords = try f.strings("keywords") ?? []
        if keywords.contains(where: { $0.isEmpty }) {
            throw InputError("\(where_): keywords must not be empty strings")
        }
        let path = try f.string("path")
        if keywords.isEmpty && path == nil {
            throw InputError("\(where_): needs 'keywords' or a 'path' (a rule without either would run on every file)")
        }
        let rule = Rule(
            id: id,
            service: try f.requiredString("service"),
            description: try f.string("description") ?? "",
            keywords: keywords,
            regex: try f.requiredString("regex"),
            entropy: try entropy(&f, where_),
            checksum: checksum,
            confidence: confidence,
            path: path,
            generic: try f.bool("generic") ?? false,
            remediation: try f.string("remediation"),
            examples: try examples(&f, "examples"),
            negativeExamples: try examples(&f, "negative_examples"),
            origin: origin
        )
        try f.finish("rule '\(id)'")
        return rule
    }

    private static func entropy(_ f: inout YAMLFields, _ where_: String) throws -> EntropyThreshold? {
        guard let node = f.raw("entropy") else { return nil }
        if let value = node.float ?? node.int.map(Double.init) { return EntropyThreshold(all: value) }
        guard node.mapping != nil else {
            throw InputError("\(where_): entropy must be a number or a mapping with hex, alnum and base64")
        }
        var m = try YAMLFields(node, origin: f.origin, what: "entropy")
        guard let hex = try m.double("hex"), let alnum = try m.double("alnum"), let b64 = try m.double("base64") else {
            throw InputError("\(where_): entropy must be a number or a mapping with hex, alnum and base64")
        }
        try m.finish("entropy")
        return EntropyThreshold(hex: hex, alphanumeric: alnum, base64: b64)
    }

    private static func examples(_ f: inout YAMLFields, _ key: String) throws -> [RuleExample] {
        guard let items = try f.sequence(key) else { return [] }
        return try items.map { item in
            if case .scalar(let s) = item { return RuleExample(text: s.string) }
            var e = try YAMLFields(item, origin: f.origin, what: "an example")
            let example = RuleExample(
                text: try e.requiredString("text"), path: try e.string("path"), secret: try e.string("secret"))
            try e.finish("an example")
            return example
        }
    }
}
