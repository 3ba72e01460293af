/// Turns the matcher's matches into findings, after matching: what may be published of each
/// secret (redaction, fingerprint), the rule's facts, and its confidence — lowered for a failing
/// checksum, a passphrase-protected key and sample credentials, and where the rule's `low_in` says
/// (catch-all hits in documentation, passwords in tests). Store verdicts and blocking come later.
public struct FindingBuilder: Sendable {
    let rules: [String: Rule]
    let showSecrets: Bool
    let fingerprintKey: FingerprintKey?

    public init(ruleSet: RuleSet, showSecrets: Bool = false, fingerprintKey: FingerprintKey? = nil) {
        var rules = Dictionary(ruleSet.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for rule in CodeDefinedRules.all { rules[rule.id] = rule }
        self.rules = rules
        self.showSecrets = showSecrets
        self.fingerprintKey = fingerprintKey
    }

    /// Whether `rule` is a catch-all rule.
    func isGeneric(_ rule: String) -> Bool { rules[rule]?.generic ?? false }

    public func findings(_ matches: [Match], in provenance: Provenance) -> [Finding] {
        matches.compactMap { finding($0, in: provenance) }
    }

    public func finding(_ match: Match, in provenance: Provenance) -> Finding? {
        guard let rule = rules[match.rule] else { return nil }
        let confidence = Self.confidence(of: match, rule: rule, path: provenance.path)
        let published = FindingFingerprint.of(
            match.secret, rule: rule, publicPrefix: match.publicPrefix,
            context: match.context, key: fingerprintKey)
        return Finding(
            match: match, provenance: provenance,
            about: RuleFacts(kind: rule.kind, service: rule.service, description: rule.description, remediation: rule.remediation),
            published: PublishedSecret(
                shown: showSecrets ? match.label ?? String(decoding: match.secret, as: UTF8.self) : nil,
                redacted: match.label ?? Redaction.redact(match.secret, publicPrefix: match.publicPrefix),
                fingerprint: published.fingerprint, kind: published.kind, length: match.secret.count,
                lineHash: LineHash.of(rule: rule, context: match.context, fingerprint: published.fingerprint)),
            verdict: Verdict(confidence: confidence))
    }

    /// The rule's confidence, lowered to low: for a failing checksum, for a sample credential
    /// (`myuser:mypass`, `secret123`), for a catch-all match on a disabled rule's span, and where the rule's `low_in` contexts hold (documentation,
    /// tests, comment lines) or the match's own (a URL credential for `localhost` in a comment), since
    /// a value there is usually an example.
    static func confidence(of match: Match, rule: Rule, path: String) -> Confidence {
        if match.checksum == .invalid || match.sample || match.disabledRule != nil { return .low }
        if rule.valueFilter != nil, namesAFolder(match.secret, of: path) { return .low }
        for context in rule.lowIn.union(match.lowIn) where SourceContext.holds(context, path: path, before: match.context) { return .low }
        return Confidence.of(rule, checksum: match.checksum, keyProtection: match.keyProtection)
    }

    /// `password="airflow"` in `src/airflow/utils/db.py`: a password that is the project's own name
    /// (a folder on the path) is a default of its set-up, not a credential someone chose.
    static func namesAFolder(_ secret: [UInt8], of path: String) -> Bool {
        let name = String(decoding: secret, as: UTF8.self).lowercased()
        return path.lowercased().split(separator: "/").dropLast().contains { $0 == name }
    }

    /// Matches and builds in one go, for callers that look at one blob (rule checks, the store).
    public func scan(_ blob: Blob, with matcher: Matcher) -> [Finding] {
        findings(matcher.scan(blob).matches, in: blob.provenance)
    }
}

/// Where a finding sits, for `low_in`: documentation, tests and fixtures, comment lines.
enum SourceContext {
    static func holds(_ context: LowConfidenceContext, path: String, before: [UInt8]) -> Bool {
        switch context {
        case .docs: isDocumentation(path)
        case .tests: isTest(path)
        case .comments: isComment(before)
        case .translations: isTranslation(path)
        }
    }

    private static let translationDirectories: Set<Substring> = ["i18n", "l10n", "locale", "locales", "lang", "langs", "translations"]

    /// A translation catalogue: a directory of them on the path, or a catalogue format by its extension.
    static func isTranslation(_ path: String) -> Bool {
        let components = path.lowercased().split(separator: "/")
        if components.dropLast().contains(where: translationDirectories.contains) { return true }
        guard let name = components.last else { return false }
        return [".po", ".pot", ".xliff", ".xlf", ".resx", ".strings", ".arb"].contains { name.hasSuffix($0) }
    }

    /// Prose and examples rather than configuration: markup files, `docs/` trees, and templates
    /// (`.env.example`, `config.sample.yml`). Plain `.txt` files are not: `notes.txt` and
    /// `credentials.txt` are where people paste real secrets.
    static func isDocumentation(_ path: String) -> Bool {
        let lower = path.lowercased()
        for ext in [".md", ".rst", ".adoc", ".markdown", ".example", ".sample", ".template", ".dist"] where lower.hasSuffix(ext) {
            return true
        }
        let components = lower.split(separator: "/")
        if let name = components.last, name.contains(".example.") || name.contains(".sample.") { return true }
        return components.dropLast().contains { ["docs", "doc", "documentation", "examples", "example", "samples"].contains($0) }
    }

    private static let testDirectories: Set<Substring> = [
        "test", "tests", "spec", "specs", "__tests__", "__mocks__", "fixtures", "fixture", "testdata", "test-data",
        "test_data", "testing", "mocks", "e2e",
    ]

    /// Tests and fixtures: a test directory on the path, or a test file by its language's convention.
    static func isTest(_ path: String) -> Bool {
        let lower = path.lowercased()
        let components = lower.split(separator: "/")
        if components.dropLast().contains(where: testDirectories.contains) { return true }
        guard let name = components.last else { return false }
        if name.hasPrefix("test_") || name == "conftest.py" { return true }
        for suffix in ["_test.go", "_test.py", "_spec.rb", "_test.rb", "test.java", "tests.java", "test.kt", "tests.cs", "test.cs"]
        where name.hasSuffix(suffix) { return true }
        return [".test.", ".spec."].contains { name.contains($0) }
    }

    /// The text before the secret on its line opens a comment: `# …`, `// …`, `/* …`, ` * …`,
    /// `-- …`, `; …`, `<!-- …`, or a trailing ` # …` / ` // …` after code.
    static func isComment(_ before: [UInt8]) -> Bool {
        let text = String(decoding: before, as: UTF8.self)
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        for opener in ["#", "//", "/*", "* ", "--", ";", "<!--", "%", "rem "] where trimmed.lowercased().hasPrefix(opener) {
            // `#!/bin/sh`, `#include`, `--password=` are not comments.
            if opener == "#" && (trimmed.hasPrefix("#!") || trimmed.hasPrefix("#include") || trimmed.hasPrefix("#define")) { continue }
            if opener == "--" && trimmed.dropFirst(2).first.map({ $0 != " " }) == true { continue }
            return true
        }
        return text.contains(" # ") || text.contains("\t# ") || text.contains(" // ")
    }
}
