import Crypto

/// What the matcher reports for one blob: findings, and rules whose regex hit a PCRE2 limit.
public struct BlobMatches: Sendable {
    public var findings: [Finding] = []
    public var ruleErrors: [String] = []
    /// Findings hidden by a `tokenwarden:allow` comment on their line.
    public var suppressed = 0
}

/// Options that change what the matcher reports.
public struct MatchOptions: Sendable {
    public var showSecrets = false
    public init(showSecrets: Bool = false) { self.showSecrets = showSecrets }
}

/// Finds secrets in bytes: keyword pass, then each triggered rule's regex, then entropy,
/// decoy and checksum checks. Pure: no I/O, no git, no store.
public struct Matcher {
    public let ruleSet: RuleSet
    public let options: MatchOptions
    private let scratch = MatchScratch()

    public init(ruleSet: RuleSet, options: MatchOptions = MatchOptions()) {
        self.ruleSet = ruleSet
        self.options = options
    }

    private struct Candidate {
        var rule: Int
        var secret: Range<Int>
        var entropy: Double
        var checksum: ChecksumStatus?
    }

    public func scan(_ blob: Blob) -> BlobMatches {
        blob.bytes.withUnsafeBytes { scan($0, provenance: blob.provenance, addedLines: blob.addedLines) }
    }

    public func scan(_ bytes: UnsafeRawBufferPointer, provenance: Provenance, addedLines: Set<Int>? = nil) -> BlobMatches {
        var result = BlobMatches()
        let triggered = triggeredRules(bytes, path: provenance.path)
        guard !triggered.isEmpty else { return result }

        var candidates: [Candidate] = []
        for r in triggered {
            let rule = ruleSet.rules[r]
            let pattern: PCRE2Pattern
            switch ruleSet.patterns[r].get() {
            case .success(let p): pattern = p
            case .failure(let e):
                result.ruleErrors.append("rule \(rule.id): regex does not compile: \(e)")
                continue
            }
            do {
                try pattern.forEachMatch(in: bytes, scratch: scratch) { m in
                    if let c = validate(m, rule: r, in: bytes) { candidates.append(c) }
                    return true
                }
            } catch {
                result.ruleErrors.append("rule \(rule.id): \(error) in \(provenance.path); rest of the file skipped for this rule")
            }
        }
        guard !candidates.isEmpty else { return result }
        let lines = LineIndex(bytes)
        for c in resolveOverlaps(candidates) {
            let (line, column) = lines.position(of: c.secret.lowerBound)
            if let addedLines, !addedLines.contains(line) { continue }
            if AllowComment.suppresses(ruleSet.rules[c.rule].id, line: lines.bytes(ofLine: line, in: bytes), knownRules: ruleSet.ruleIDs) {
                result.suppressed += 1
                continue
            }
            let (endLine, endColumn) = lines.position(of: max(c.secret.lowerBound, c.secret.upperBound - 1))
            result.findings.append(finding(c, bytes: bytes, provenance: provenance,
                                           line: line, column: column, endLine: endLine, endColumn: endColumn))
        }
        return result
    }

    /// Rules whose keyword occurs in `bytes` (and whose path pattern, if any, matches), in rule order.
    func triggeredRules(_ bytes: UnsafeRawBufferPointer, path: String) -> [Int] {
        var hit = [Bool](repeating: false, count: ruleSet.rules.count)
        var any = false
        ruleSet.automaton.scan(bytes) { keyword, _ in
            for r in ruleSet.rulesByKeyword[keyword] { hit[r] = true }
            any = true
        }
        for r in ruleSet.pathOnlyRules { hit[r] = true; any = true }
        guard any else { return [] }
        return hit.indices.filter { hit[$0] && pathAllows($0, path) }
    }

    private func pathAllows(_ r: Int, _ path: String) -> Bool {
        guard let lazy = ruleSet.pathPatterns[r] else { return true }
        guard case .success(let p) = lazy.get() else { return false }
        var matched = false
        var bytes = Array(path.utf8)
        bytes.withUnsafeMutableBytes { buf in
            try? p.forEachMatch(in: UnsafeRawBufferPointer(buf), scratch: scratch) { _ in matched = true; return false }
        }
        return matched
    }

    private func validate(_ m: PCRE2Pattern.Match, rule r: Int, in bytes: UnsafeRawBufferPointer) -> Candidate? {
        guard !m.secret.isEmpty else { return nil }
        let rule = ruleSet.rules[r]
        let secret = UnsafeRawBufferPointer(rebasing: bytes[m.secret])
        let match = UnsafeRawBufferPointer(rebasing: bytes[m.whole])
        let entropy = Entropy.shannon(secret)
        if let threshold = rule.entropy, entropy < threshold.minimum(for: secret) { return nil }
        if Decoys.reason(secret: secret, match: match, generic: rule.generic) != nil { return nil }
        var checksum: ChecksumStatus? = nil
        if let sum = ruleSet.checksums[r] { checksum = sum.verify(secret) ? .valid : .invalid }
        return Candidate(rule: r, secret: m.secret, entropy: entropy, checksum: checksum)
    }

    /// Where findings share bytes, keeps one: specific rules beat generic ones, then higher
    /// confidence, then the longer secret, then the earlier rule.
    private func resolveOverlaps(_ candidates: [Candidate]) -> [Candidate] {
        func better(_ a: Candidate, _ b: Candidate) -> Bool {
            let ra = ruleSet.rules[a.rule], rb = ruleSet.rules[b.rule]
            if ra.generic != rb.generic { return !ra.generic }
            let ca = effectiveConfidence(ra, a.checksum), cb = effectiveConfidence(rb, b.checksum)
            if ca != cb { return ca > cb }
            if a.secret.count != b.secret.count { return a.secret.count > b.secret.count }
            return a.rule < b.rule
        }
        let ordered = candidates.sorted { $0.secret.lowerBound != $1.secret.lowerBound ? $0.secret.lowerBound < $1.secret.lowerBound : better($0, $1) }
        var kept: [Candidate] = []
        for c in ordered {
            if let i = kept.lastIndex(where: { $0.secret.overlaps(c.secret) }) {
                if better(c, kept[i]) { kept[i] = c }
            } else {
                kept.append(c)
            }
        }
        return kept
    }

    private func effectiveConfidence(_ rule: Rule, _ checksum: ChecksumStatus?) -> Confidence {
        checksum == .invalid ? .low : rule.confidence
    }

    private func finding(_ c: Candidate, bytes: UnsafeRawBufferPointer, provenance: Provenance,
                         line: Int, column: Int, endLine: Int, endColumn: Int) -> Finding {
        let rule = ruleSet.rules[c.rule]
        let secret = Array(bytes[c.secret])
        var confidence = effectiveConfidence(rule, c.checksum)
        // A catch-all match in documentation is usually an example value: report it, don't block on it.
        if rule.generic && Documentation.isDocumentation(provenance.path) { confidence = .low }
        return Finding(
            rule: rule.id, service: rule.service, description: rule.description,
            path: provenance.path, line: line, column: column, endLine: endLine, endColumn: endColumn,
            secret: options.showSecrets ? String(decoding: secret, as: UTF8.self) : nil,
            redacted: Redaction.redact(secret),
            fingerprint: Fingerprint.sha256Hex(secret),
            length: secret.count,
            entropy: (c.entropy * 1000).rounded() / 1000,
            confidence: confidence,
            checksum: c.checksum,
            blocking: confidence >= .medium,
            commit: provenance.commit, author: provenance.author, email: provenance.email, date: provenance.date
        )
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

/// Byte offset → 1-based (line, column), built once per blob that has findings.
struct LineIndex {
    private var starts: [Int] = [0]

    init(_ bytes: UnsafeRawBufferPointer) {
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
    }

    /// The bytes of 1-based `line`, without its newline.
    func bytes(ofLine line: Int, in bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let start = starts[line - 1]
        let end = line < starts.count ? starts[line] - 1 : bytes.count
        return UnsafeRawBufferPointer(rebasing: bytes[start..<max(start, end)])
    }

    func position(of offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, offset - starts[lo] + 1)
    }
}
