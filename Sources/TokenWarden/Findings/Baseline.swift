import Foundation
import Yams

/// Known findings a team has accepted for now (`tokenwarden baseline create`): rule, path and
/// the secret's fingerprint — never the secret. A scan with `--baseline` hides them, and says
/// which entries no longer match anything (stale: the secret is gone, so the entry can go).
public struct Baseline: Sendable, Equatable {
    public struct Entry: Hashable, Sendable {
        public var rule: String
        public var path: String
        public var fingerprint: String
    }

    public var entries: [Entry] = []
    /// The id of the fingerprint key the entries were made with (nil: no key).
    public var fingerprintKey: String?

    public init(entries: [Entry] = [], fingerprintKey: String? = nil) {
        self.entries = entries
        self.fingerprintKey = fingerprintKey
    }

    public init(findings: [Finding], fingerprintKey: FingerprintKey?) {
        self.fingerprintKey = fingerprintKey?.id
        entries = Array(Set(findings.map { Entry(rule: $0.rule, path: $0.path, fingerprint: $0.fingerprint) }))
            .sorted { ($0.path, $0.rule, $0.fingerprint) < ($1.path, $1.rule, $1.fingerprint) }
    }

    public static func load(path: String) throws -> Baseline {
        try parse(try YAMLFile.read(path, what: "the baseline", limits: .generated), origin: path)
    }

    public static func parse(_ text: String, origin: String) throws -> Baseline {
        guard let root = try ConfigNode.parseYAML(text, origin: origin, limits: .generated) else {
            throw InputError("\(origin): the baseline is empty")
        }
        var f = try ConfigFields(root, origin: origin, what: "the baseline")
        guard try f.int("version") == 1 else { throw InputError("\(origin): missing or unsupported baseline 'version' (expected 1)") }
        var baseline = Baseline()
        baseline.fingerprintKey = try f.string("fingerprint_key")
        if let id = baseline.fingerprintKey, !(id.count == 16 && id.allSatisfy(\.isHexDigit)) {
            throw InputError("\(origin): 'fingerprint_key' must be the 16-hex-digit id of a fingerprint key")
        }
        for item in try f.list("findings") ?? [] {
            var e = try ConfigFields(item, origin: origin, what: "a baseline entry")
            let entry = Entry(
                rule: try e.requiredString("rule"), path: try e.requiredString("path"), fingerprint: try e.requiredString("fingerprint"))
            guard entry.fingerprint.count == 64, entry.fingerprint.allSatisfy(\.isHexDigit) else {
                throw InputError("\(e.location): 'fingerprint' must be 64 hex digits")
            }
            try e.finish("a baseline entry")
            baseline.entries.append(entry)
        }
        try f.finish("the baseline")
        return baseline
    }

    public func yaml() throws -> String {
        let items = entries.map { e in
            Node.mapping(
                Node.Mapping([(Node("rule"), Node(e.rule)), (Node("path"), Node(e.path)), (Node("fingerprint"), Node(e.fingerprint))]))
        }
        var fields = [(Node("version"), Node("1"))]
        if let fingerprintKey { fields.append((Node("fingerprint_key"), Node(fingerprintKey))) }
        fields.append((Node("findings"), Node.sequence(Node.Sequence(items))))
        let root = Node.mapping(Node.Mapping(fields))
        return "# tokenwarden baseline: accepted findings (fingerprints, never secrets). Remove entries as you fix them.\n"
            + (try Yams.serialize(node: root))
    }

    /// Writes atomically; the text is read back first, so a bad write never replaces a good file.
    public func save(path: String) throws {
        let text = try yaml()
        _ = try Baseline.parse(text, origin: path)
        try AtomicFile.write(text, to: path)
    }

    /// Why none of the entries can match a scan fingerprinted with `key`, if that is so.
    public func keyMismatch(scanningWith key: FingerprintKey?) -> String? {
        guard fingerprintKey != key?.id, !entries.isEmpty else { return nil }
        let written = fingerprintKey.map { "with fingerprint key \($0)" } ?? "without a fingerprint key"
        let scanning = key.map { "with fingerprint key \($0.id)" } ?? "without one"
        return "the baseline was written \(written) and this scan runs \(scanning), so none of its \(entries.count) entries can match "
            + "and its findings are reported again; set \(FingerprintKey.variable) (or --fingerprint-key-file) to the key it was written with, "
            + "or re-create it"
    }

    /// Hides baselined findings; returns the entries that matched nothing. An entry written under
    /// a rule's former id (see `RuleIDs`) matches the renamed rule's findings.
    public func apply(to result: inout ScanResult, ruleIDs: RuleIDs) -> [Entry] {
        var known: [Entry: Entry] = [:]
        for entry in entries {
            known[Entry(rule: ruleIDs.currentID(of: entry.rule) ?? entry.rule, path: entry.path, fingerprint: entry.fingerprint)] = entry
        }
        var used = Set<Entry>()
        result.findings.removeAll { f in
            guard let entry = known[Entry(rule: f.rule, path: f.path, fingerprint: f.fingerprint)] else { return false }
            used.insert(entry)
            result.summary.baselined += 1
            return true
        }
        return entries.filter { !used.contains($0) }
    }
}
