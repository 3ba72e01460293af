import Foundation
import TOMLKit

/// A gitleaks configuration (`.gitleaks.toml`), as gitleaks' README documents it: rules, global and
/// per-rule allow lists (`[[allowlists]]`, and the older `[allowlist]`), `[extend]`. Read strictly by
/// type; keys this reader does not know are kept by name, so the import can say it left them out.
public struct GitleaksConfig: Sendable, Equatable {
    public struct AllowList: Sendable, Equatable {
        /// Where it was written, for messages: `[[allowlists]] #2`, `rule 'x' allowlist #1`.
        public var place: String
        public var description: String?
        /// `AND` or `OR` (gitleaks' default).
        public var requireAll = false
        /// `secret` (default), `match` or `line`: what `regexes` are searched in.
        public var regexTarget = "secret"
        public var regexes: [String] = []
        public var paths: [String] = []
        public var stopwords: [String] = []
        public var commits: [String] = []
        /// A global list's `targetRules`: it applies to these rules only.
        public var targetRules: [String] = []
        public var unknownKeys: [String] = []
    }

    public struct Rule: Sendable, Equatable {
        public var id: String
        public var description: String?
        public var regex: String?
        public var secretGroup: Int?
        public var entropy: Double?
        public var keywords: [String] = []
        public var path: String?
        public var tags: [String] = []
        public var allowLists: [AllowList] = []
        /// Keys of the rule this reader leaves out (`required`, `skipReport`, …).
        public var unknownKeys: [String] = []
    }

    public var title: String?
    public var rules: [Rule] = []
    public var allowLists: [AllowList] = []
    public var useDefault = false
    /// `[extend] path`: another config this one builds on.
    public var extendPath: String?
    public var disabledRules: [String] = []
    public var unknownKeys: [String] = []

    /// Far beyond gitleaks' own default config (about 100 KB); a larger file is refused unread.
    static let maxBytes = 4 << 20

    public init(reading path: String) throws {
        let data = try BoundedFile.read(path, what: "the gitleaks config", kind: "gitleaks config", maxBytes: Self.maxBytes)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw InputError("\(path): the gitleaks config is not valid UTF-8")
        }
        try self.init(text: text, origin: path)
    }

    public init(text: String, origin: String) throws {
        // toml++ reads a C string: a NUL would end the document early, silently.
        if text.utf8.contains(0) { throw InputError("\(origin): a NUL byte in the gitleaks config") }
        let root: TOMLTable
        do { root = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw InputError("\(origin):\(error.source.begin.line): not TOML: \(error.description)")
        }
        var top = TOMLFields(root, origin: origin, place: "the config")
        title = try top.string("title")
        if var extend = try top.table("extend") {
            useDefault = try extend.bool("useDefault") ?? false
            extendPath = try extend.string("path")
            disabledRules = try extend.strings("disabledRules") ?? []
            unknownKeys += extend.unknown.map { "extend.\($0)" }
        }
        for (index, table) in (try top.tables("rules") ?? []).enumerated() {
            rules.append(try Self.rule(table, origin: origin, index: index + 1))
        }
        // `[allowlist]` (before v8.25) and `[[allowlists]]` (since) may both be present.
        if let old = try top.table("allowlist") { allowLists.append(try Self.allowList(old, place: "[allowlist]")) }
        for (index, table) in (try top.tables("allowlists") ?? []).enumerated() {
            allowLists.append(try Self.allowList(table, place: "[[allowlists]] #\(index + 1)"))
        }
        unknownKeys += top.unknown
    }

    private static func rule(_ fields: TOMLFields, origin: String, index: Int) throws -> Rule {
        var f = fields
        f.place = "[[rules]] #\(index)"
        let id = try f.string("id") ?? ""
        if id.isEmpty { throw InputError("\(origin): [[rules]] #\(index) has no id") }
        f.place = "rule '\(id)'"
        var rule = Rule(id: id)
        rule.description = try f.string("description")
        rule.regex = try f.string("regex")
        rule.secretGroup = try f.int("secretGroup")
        if let group = rule.secretGroup, group < 0 || group > 99 {
            throw InputError("\(origin): rule '\(id)': secretGroup must be 0 to 99, not \(group)")
        }
        rule.entropy = try f.double("entropy")
        rule.keywords = try f.strings("keywords") ?? []
        rule.path = try f.string("path")
        rule.tags = try f.strings("tags") ?? []
        if let old = try f.table("allowlist") { rule.allowLists.append(try allowList(old, place: "rule '\(id)' [rules.allowlist]")) }
        for (n, table) in (try f.tables("allowlists") ?? []).enumerated() {
            rule.allowLists.append(try allowList(table, place: "rule '\(id)' [[rules.allowlists]] #\(n + 1)"))
        }
        rule.unknownKeys = f.unknown
        return rule
    }

    private static func allowList(_ fields: TOMLFields, place: String) throws -> AllowList {
        var f = fields
        f.place = place
        var list = AllowList(place: place)
        list.description = try f.string("description")
        if let condition = try f.string("condition") {
            guard ["AND", "OR"].contains(condition.uppercased()) else {
                throw InputError("\(f.origin): \(place): condition must be AND or OR, not '\(condition)'")
            }
            list.requireAll = condition.uppercased() == "AND"
        }
        if let target = try f.string("regexTarget") {
            guard ["secret", "match", "line"].contains(target) else {
                throw InputError("\(f.origin): \(place): regexTarget must be secret, match or line, not '\(target)'")
            }
            list.regexTarget = target
        }
        list.regexes = try f.strings("regexes") ?? []
        list.paths = try f.strings("paths") ?? []
        list.stopwords = try f.strings("stopwords") ?? []
        list.commits = try f.strings("commits") ?? []
        list.targetRules = try f.strings("targetRules") ?? []
        list.unknownKeys = f.unknown
        return list
    }
}

/// Typed reads of one TOML table: a value of the wrong type is a one-line error naming it; keys
/// never read are left in `unknown`.
struct TOMLFields {
    let table: TOMLTable
    let origin: String
    var place: String
    private var read: Set<String> = []

    init(_ table: TOMLTable, origin: String, place: String) {
        (self.table, self.origin, self.place) = (table, origin, place)
    }

    var unknown: [String] { table.keys.filter { !read.contains($0) }.sorted() }

    private mutating func value(_ key: String) -> TOMLValueConvertible? {
        read.insert(key)
        return table[key]
    }

    private func wrong(_ key: String, _ expected: String) -> InputError {
        InputError("\(origin): \(place): '\(key)' must be \(expected)")
    }

    mutating func string(_ key: String) throws -> String? {
        guard let v = value(key) else { return nil }
        guard let s = v.string else { throw wrong(key, "a string") }
        return s
    }

    mutating func bool(_ key: String) throws -> Bool? {
        guard let v = value(key) else { return nil }
        guard let b = v.bool else { throw wrong(key, "true or false") }
        return b
    }

    mutating func int(_ key: String) throws -> Int? {
        guard let v = value(key) else { return nil }
        guard let i = v.int else { throw wrong(key, "an integer") }
        return i
    }

    mutating func double(_ key: String) throws -> Double? {
        guard let v = value(key) else { return nil }
        if let d = v.double { return d }
        if let i = v.int { return Double(i) }
        throw wrong(key, "a number")
    }

    mutating func strings(_ key: String) throws -> [String]? {
        try array(key, "an array of strings") { $0.string }
    }

    mutating func table(_ key: String) throws -> TOMLFields? {
        guard let v = value(key) else { return nil }
        guard let t = v.table else { throw wrong(key, "a table") }
        return TOMLFields(t, origin: origin, place: "[\(key)]")
    }

    /// An array of tables (`[[key]]`).
    mutating func tables(_ key: String) throws -> [TOMLFields]? {
        let (origin, place) = (self.origin, key)
        return try array(key, "an array of tables ([[\(key)]])") { $0.table.map { TOMLFields($0, origin: origin, place: place) } }
    }

    /// An array whose every item `convert` accepts.
    private mutating func array<T>(_ key: String, _ expected: String, _ convert: (TOMLValueConvertible) -> T?) throws -> [T]? {
        guard let v = value(key) else { return nil }
        guard let array = v.array else { throw wrong(key, expected) }
        return try array.map { item in
            guard let converted = convert(item) else { throw wrong(key, expected) }
            return converted
        }
    }
}
