/// Turns the matcher's matches into findings, after matching: what may be published of each
/// secret (redaction, fingerprint), the rule's facts, and its confidence — lowered for a failing
/// checksum and for catch-all hits in documentation. Store verdicts and blocking come later.
public struct FindingBuilder: Sendable {
    let rules: [String: Rule]
    let showSecrets: Bool
    let fingerprintKey: FingerprintKey?

    public init(ruleSet: RuleSet, showSecrets: Bool = false, fingerprintKey: FingerprintKey? = nil) {
        var rules = Dictionary(ruleSet.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        rules[Matcher.registeredTokenRule.id] = Matcher.registeredTokenRule
        for rule in KeystoreDetector.rules { rules[rule.id] = rule }
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
        var confidence = match.checksum == .invalid ? .low : rule.confidence
        // A catch-all match in documentation is usually an example value: report it, don't block on it.
        if rule.generic && Documentation.isDocumentation(provenance.path) { confidence = .low }
        let published = FindingFingerprint.of(
            match.secret, rule: rule, publicPrefix: match.publicPrefix,
            context: match.context, key: fingerprintKey)
        return Finding(
            match: match, provenance: provenance,
            about: RuleFacts(kind: rule.kind, service: rule.service, description: rule.description, remediation: rule.remediation),
            published: PublishedSecret(
                shown: showSecrets ? match.label ?? String(decoding: match.secret, as: UTF8.self) : nil,
                redacted: match.label ?? Redaction.redact(match.secret, publicPrefix: match.publicPrefix),
                fingerprint: published.fingerprint, kind: published.kind, length: match.secret.count),
            verdict: Verdict(confidence: confidence))
    }

    /// Matches and builds in one go, for callers that look at one blob (rule checks, the store).
    public func scan(_ blob: Blob, with matcher: Matcher) -> [Finding] {
        findings(matcher.scan(blob).matches, in: blob.provenance)
    }
}

/// Paths that hold prose and examples rather than configuration.
enum Documentation {
    static func isDocumentation(_ path: String) -> Bool {
        let lower = path.lowercased()
        for ext in [".md", ".rst", ".adoc", ".txt", ".markdown"] where lower.hasSuffix(ext) { return true }
        let components = lower.split(separator: "/")
        return components.dropLast().contains { $0 == "docs" || $0 == "doc" || $0 == "documentation" }
    }
}
