import Foundation

/// `.gitleaksignore`: one gitleaks finding fingerprint a line, `commit:path:rule:line` (git scans) or
/// `path:rule:line` (directory scans). tokenwarden's baseline entries need the secret's fingerprint,
/// which these do not carry, so each entry is found again: the file (at the commit, read through the
/// hardened git runner) is scanned with the rule, and the finding on that line becomes the entry.
/// An entry that cannot be found again is one line saying why.
public struct GitleaksIgnore: Sendable {
    public struct Entry: Sendable, Equatable {
        public var commit: String?
        public var path: String
        public var rule: String
        public var line: Int
    }

    public var entries: [Entry] = []
    /// Lines that are not fingerprints.
    public var notes: [String] = []

    static let maxBytes = 8 << 20

    public init(reading path: String) throws {
        let data = try BoundedFile.read(path, what: "the ignore file", kind: "ignore file", maxBytes: Self.maxBytes)
        self.init(text: String(decoding: data, as: UTF8.self), origin: path)
    }

    public init(text: String, origin: String) {
        for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let entry = Self.entry(line) {
                entries.append(entry)
            } else {
                notes.append("not imported: \(origin):\(offset + 1): not a gitleaks fingerprint (commit:path:rule:line or path:rule:line)")
            }
        }
    }

    /// Read from the right: the path may hold colons, a rule id and a line number cannot.
    static func entry(_ text: String) -> Entry? {
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, let line = Int(parts.removeLast()), line > 0 else { return nil }
        let rule = parts.removeLast()
        var commit: String?
        if parts.count > 1, parts[0].count == 40, parts[0].allSatisfy(\.isHexDigit) { commit = parts.removeFirst() }
        let path = parts.joined(separator: ":")
        guard !rule.isEmpty, !path.isEmpty else { return nil }
        return Entry(commit: commit, path: path, rule: rule, line: line)
    }

    /// Baseline entries for the fingerprints found again in `repository` with `rules` (gitleaks id →
    /// rule), and one note for each that was not.
    public func baseline(rules: [String: Rule], repository: String, fingerprintKey: FingerprintKey?) -> (Baseline, [String]) {
        var found: [Baseline.Entry] = []
        var notes = self.notes
        var options = ScanOptions()
        options.fingerprintKey = fingerprintKey
        for entry in entries {
            let name = "\(entry.commit.map { "\($0):" } ?? "")\(entry.path):\(entry.rule):\(entry.line)"
            guard let rule = rules[entry.rule] else {
                notes.append("not imported: ignore entry \(name): '\(entry.rule)' is neither an imported rule nor a tokenwarden rule")
                continue
            }
            let bytes: [UInt8]
            do { bytes = try content(of: entry, in: repository) } catch {
                notes.append("not imported: ignore entry \(name): \(error)")
                continue
            }
            let blob = Blob(bytes: bytes, provenance: Provenance(path: entry.path))
            let result = Scanner(ruleSet: RuleSet([rule]), options: options).scan([.blob(blob)])
            let matches = result.findings.filter { $0.line == entry.line }
            if matches.isEmpty {
                notes.append("not imported: ignore entry \(name): rule \(rule.id) finds nothing on that line now")
            }
            found += matches.map { Baseline.Entry(rule: $0.rule, path: $0.path, fingerprint: $0.fingerprint) }
        }
        var seen = Set<Baseline.Entry>()
        return (Baseline(entries: found.filter { seen.insert($0).inserted }, fingerprintKey: fingerprintKey?.id), notes)
    }

    private func content(of entry: Entry, in repository: String) throws -> [UInt8] {
        if let commit = entry.commit {
            // `commit:path` is one argument to cat-file, never an option: the id is 40 hex digits.
            return try Git.run(["cat-file", "blob", "\(commit):\(entry.path)"], in: repository)
        }
        // Links resolved on both sides: an entry (or a link in the tree) must not lead out of the repository.
        let top = URL(fileURLWithPath: repository).resolvingSymlinksInPath().path
        let file = URL(fileURLWithPath: repository).appendingPathComponent(entry.path).resolvingSymlinksInPath()
        guard file.path.hasPrefix(top == "/" ? "/" : top + "/") else { throw InputError("the path leads out of the repository") }
        guard FileManager.default.fileExists(atPath: file.path) else { throw InputError("no such file in the work tree") }
        let data = try BoundedFile.read(file.path, what: "the file", kind: "file to scan", maxBytes: ScanOptions.defaultMaxFileSize)
        return [UInt8](data)
    }
}
