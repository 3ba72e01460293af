import Crypto

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the matcher reports for one blob: matches, and rules whose regex hit a PCRE2 limit.
public struct BlobMatches: Sendable {
    public var matches: [Match] = []
    public var ruleErrors: [ScanError] = []
    /// Findings hidden by a `tokenwarden:allow` comment on their line.
    public var suppressed = 0
    /// Findings hidden by the config's allow list.
    public var allowlisted = 0
}

/// Options that change what the matcher reports.
public struct MatchOptions: Sendable {
    /// Registered tokens to find by their fingerprint even where no rule matches.
    public var store: StoreIndex?
    /// Secrets matching one of these are allow-listed, not reported.
    public var allowSecrets: [PCRE2Pattern]

    public init(store: StoreIndex? = nil, allowSecrets: [PCRE2Pattern] = []) {
        self.store = store
        self.allowSecrets = allowSecrets
    }
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
        /// Index into the rule set, or `Matcher.storeRule` for a registered token found by shape alone.
        var rule: Int
        var secret: Range<Int>
        var entropy: Double
        var checksum: ChecksumStatus?
        var keyProtection: KeyProtection? = nil
        var tokenID: String? = nil
        var sample = false
        var lowIn: Set<LowConfidenceContext> = []
        /// A disabled rule whose match shares bytes with this catch-all match.
        var disabledOverlap: Int? = nil
    }

    static let storeRule = -1
    private static let registeredTokenPrefix = PublicPrefix(rule: registeredTokenRule)

    /// The rule behind findings of registered tokens that no rule's pattern matched.
    static let registeredTokenRule = Rule(
        id: "registered-token", service: "store", description: "A token registered in the token store (found by its fingerprint)",
        keywords: [], regex: "", confidence: .high,
        remediation: "Revoke this token at its service and re-issue it; update the token store with `tokenwarden store rotate`.")

    private func isAllowListed(_ secret: UnsafeRawBufferPointer) -> Bool {
        options.allowSecrets.contains { $0.occurs(in: secret, scratch: scratch) }
    }

    private func rule(_ index: Int) -> Rule {
        index == Matcher.storeRule ? Matcher.registeredTokenRule : ruleSet.rules[index]
    }

    private func publicPrefix(_ index: Int) -> PublicPrefix {
        index == Matcher.storeRule ? Matcher.registeredTokenPrefix : ruleSet.publicPrefixes[index]
    }

    public func scan(_ blob: Blob) -> BlobMatches {
        blob.bytes.withUnsafeBytes { scan($0, provenance: blob.provenance, addedLines: blob.addedLines) }
    }

    public func scan(_ bytes: UnsafeRawBufferPointer, provenance: Provenance, addedLines: Set<Int>? = nil) -> BlobMatches {
        scan(bytes, path: provenance.path, addedLines: addedLines)
    }

    /// `path` is only for rules that match on paths, and for messages.
    public func scan(_ bytes: UnsafeRawBufferPointer, path: String, addedLines: Set<Int>? = nil) -> BlobMatches {
        var result = BlobMatches()
        let triggered = triggeredRules(bytes, path: path)
        let shaped = options.store?.candidates(in: bytes) ?? []
        guard !triggered.isEmpty || !shaped.isEmpty else { return result }

        var candidates: [Candidate] = []
        for (r, hits) in triggered {
            let rule = ruleSet.rules[r]
            let pattern: PCRE2Pattern
            switch ruleSet.patterns[r].get() {
            case .success(let p): pattern = p
            case .failure(let e):
                result.ruleErrors.append(ScanError(.rule, "rule \(rule.id): regex does not compile: \(e)"))
                continue
            }
            do {
                for window in windows(around: hits, radius: rule.window, in: bytes) {
                    // The subject ends with the window; it starts at the blob's start so lookbehinds see real bytes.
                    let subject = UnsafeRawBufferPointer(rebasing: bytes[0..<window.upperBound])
                    try pattern.forEachMatch(in: subject, from: window.lowerBound, scratch: scratch) { m in
                        guard let c = validate(m, rule: r, in: bytes) else { return .retryInside }
                        if isAllowedByRule(r, m, in: bytes, path: path) {
                            result.allowlisted += 1
                            return .continueAfter
                        }
                        candidates.append(c)
                        return .continueAfter
                    }
                }
            } catch {
                result.ruleErrors.append(
                    ScanError(.rule, "rule \(rule.id): \(error) in \(path); rest of the file skipped for this rule", path: path))
            }
        }
        // A disabled rule's matches are never reported; they only mark the catch-all matches they overlap.
        let disabled = candidates.filter { ruleSet.rules[$0.rule].disabled }
        if !disabled.isEmpty { candidates.removeAll { ruleSet.rules[$0.rule].disabled } }
        if let store = options.store {
            for range in shaped where !candidates.contains(where: { $0.secret.overlaps(range) }) {
                let secret = UnsafeRawBufferPointer(rebasing: bytes[range])
                if let id = store.identify(Array(secret)) {
                    candidates.append(Candidate(rule: Matcher.storeRule, secret: range, entropy: Entropy.shannon(secret), tokenID: id))
                }
            }
        }
        guard !candidates.isEmpty else { return result }
        var lines = LineIndex(bytes)
        for var c in resolveOverlaps(candidates) {
            if c.rule != Matcher.storeRule && rule(c.rule).generic {
                c.disabledOverlap = disabled.first { $0.secret.overlaps(c.secret) }?.rule
            }
            let line = lines.position(of: c.secret.lowerBound).line
            if let addedLines, !addedLines.contains(line) { continue }
            if isAllowListed(UnsafeRawBufferPointer(rebasing: bytes[c.secret])) {
                result.allowlisted += 1
                continue
            }
            if AllowComment.suppresses(rule(c.rule).id, line: lines.bytes(ofLine: line, in: bytes), knownRules: ruleSet.ruleIDs) {
                result.suppressed += 1
                continue
            }
            result.matches.append(match(c, bytes: bytes, span: lines.span(of: c.secret, in: bytes)))
        }
        return result
    }

    /// Rules whose keyword occurs in `bytes` (and whose path pattern, if any, matches), in rule
    /// order, each with the end offsets of its keyword hits (empty: run on the whole file).
    func triggeredRules(_ bytes: UnsafeRawBufferPointer, path: String) -> [(rule: Int, hits: [Int])] {
        var hits = [[Int]?](repeating: nil, count: ruleSet.rules.count)
        var any = false
        ruleSet.automaton.scan(bytes) { keyword, end in
            for r in ruleSet.rulesByKeyword[keyword] {
                if hits[r] == nil { hits[r] = [end] } else if hits[r]!.count < Matcher.maxWindows { hits[r]!.append(end) }
            }
            any = true
        }
        for r in ruleSet.pathOnlyRules { hits[r] = []; any = true }
        guard any else { return [] }
        return hits.indices.compactMap { r in
            guard let h = hits[r], pathAllows(r, path) else { return nil }
            return (r, h)
        }
    }

    /// Past this many keyword hits, a rule simply runs over the whole file.
    static let maxWindows = 256

    /// The byte ranges a rule's regex runs on: the lines within `radius` of each keyword hit,
    /// merged; the whole blob when the rule asks for it, has no hits to anchor on, or the windows
    /// would cover most of the blob anyway.
    func windows(around hits: [Int], radius: Int?, in bytes: UnsafeRawBufferPointer) -> [Range<Int>] {
        let whole = [0..<bytes.count]
        guard let radius, !hits.isEmpty, hits.count < Matcher.maxWindows, bytes.count > 4 * radius else { return whole }
        var ranges: [Range<Int>] = []
        for end in hits.sorted() {
            let lo = lineStart(before: max(0, end - radius - 64), in: bytes)
            let hi = lineEnd(after: min(bytes.count, end + radius), in: bytes)
            if let last = ranges.last, lo <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, hi)
            } else {
                ranges.append(lo..<hi)
            }
        }
        return ranges
    }

    /// The start of the line containing `offset` (looking back at most 4 KiB: minified files
    /// have lines of megabytes, and a window then simply starts mid-line).
    private func lineStart(before offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var i = offset
        let limit = max(0, offset - 4096)
        while i > limit && bytes[i - 1] != 0x0A { i -= 1 }
        return i
    }

    private func lineEnd(after offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var i = offset
        let limit = min(bytes.count, offset + 4096)
        while i < limit && bytes[i] != 0x0A { i += 1 }
        return i < bytes.count ? i + 1 : i
    }

    private func pathAllows(_ r: Int, _ path: String) -> Bool {
        guard let lazy = ruleSet.pathPatterns[r] else { return true }
        guard case .success(let p) = lazy.get() else { return false }
        return p.occurs(in: path, scratch: scratch)
    }

    /// Whether one of the rule's own allow lists drops this match.
    private func isAllowedByRule(_ r: Int, _ m: PCRE2Pattern.Match, in bytes: UnsafeRawBufferPointer, path: String) -> Bool {
        let checks = ruleSet.allowChecks[r]
        guard !checks.isEmpty else { return false }
        // The line without its newline, as gitleaks' `regexTarget = "line"` sees it.
        var end = lineEnd(after: m.whole.upperBound, in: bytes)
        if end > m.whole.upperBound && bytes[end - 1] == 0x0A { end -= 1 }
        let line = lineStart(before: m.whole.lowerBound, in: bytes)..<end
        return checks.contains {
            $0.allows(
                secret: UnsafeRawBufferPointer(rebasing: bytes[m.secret]), match: UnsafeRawBufferPointer(rebasing: bytes[m.whole]),
                line: UnsafeRawBufferPointer(rebasing: bytes[line]), path: path, scratch: scratch)
        }
    }

    private func validate(_ m: PCRE2Pattern.Match, rule r: Int, in bytes: UnsafeRawBufferPointer) -> Candidate? {
        guard !m.secret.isEmpty else { return nil }
        let rule = ruleSet.rules[r]
        let secret = UnsafeRawBufferPointer(rebasing: bytes[m.secret])
        let match = UnsafeRawBufferPointer(rebasing: bytes[m.whole])
        let entropy = Entropy.shannon(secret)
        if let threshold = rule.entropy, entropy < threshold.minimum(for: secret) { return nil }
        if Decoys.reason(secret: secret, match: match, generic: rule.generic) != nil { return nil }
        var sample = false
        var lowIn: Set<LowConfidenceContext> = []
        if let filter = rule.valueFilter {
            if filter == .password, Decoys.isInsideTemplate(bytes, before: m.whole.lowerBound) { return nil }
            switch Decoys.credentialVerdict(filter, secret: secret, match: match) {
            case .decoy: return nil
            case .sample: sample = true
            case .localExample: lowIn = [.comments, .docs, .tests]
            case .credential: break
            }
        }
        var checksum: ChecksumStatus? = nil
        if let sum = ruleSet.checksums[r] { checksum = sum.verify(secret) ? .valid : .invalid }
        let protection = ruleSet.keyChecks[r]?.protection(secret: secret, match: match)
        return Candidate(
            rule: r, secret: m.secret, entropy: entropy, checksum: checksum, keyProtection: protection, sample: sample, lowIn: lowIn)
    }

    /// Where findings share bytes, keeps one: specific rules beat generic ones, then higher
    /// confidence, then the longer secret, then the earlier rule. Greedy by rank, so a finding
    /// is dropped only for one that is actually kept.
    private func resolveOverlaps(_ candidates: [Candidate]) -> [Candidate] {
        func better(_ a: Candidate, _ b: Candidate) -> Bool {
            let ra = rule(a.rule), rb = rule(b.rule)
            if ra.generic != rb.generic { return !ra.generic }
            let ca = effectiveConfidence(ra, a), cb = effectiveConfidence(rb, b)
            if ca != cb { return ca > cb }
            if a.secret.count != b.secret.count { return a.secret.count > b.secret.count }
            if a.rule != b.rule { return a.rule < b.rule }
            return a.secret.lowerBound < b.secret.lowerBound
        }
        guard candidates.count > 1 else { return candidates }
        var kept: [Candidate] = []
        // Kept spans sorted by start, so each overlap test is a binary search.
        var spans: [Range<Int>] = []
        for c in candidates.sorted(by: better) {
            var lo = 0, hi = spans.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if spans[mid].lowerBound < c.secret.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            let clashes = (lo > 0 && spans[lo - 1].overlaps(c.secret)) || (lo < spans.count && spans[lo].overlaps(c.secret))
            if clashes { continue }
            spans.insert(c.secret, at: lo)
            kept.append(c)
        }
        return kept.sorted { $0.secret.lowerBound < $1.secret.lowerBound }
    }

    private func effectiveConfidence(_ rule: Rule, _ c: Candidate) -> Confidence {
        Confidence.of(rule, checksum: c.checksum, keyProtection: c.keyProtection)
    }

    private func match(_ c: Candidate, bytes: UnsafeRawBufferPointer, span: SourceSpan) -> Match {
        let secret = Array(bytes[c.secret])
        let contextStart = max(c.secret.lowerBound - (span.column - 1), c.secret.lowerBound - Match.contextLength)
        return Match(
            rule: rule(c.rule).id, span: span, secret: secret, entropy: (c.entropy * 1000).rounded() / 1000,
            checksum: c.checksum, keyProtection: c.keyProtection, registeredToken: c.tokenID,
            publicPrefix: publicPrefix(c.rule).length(in: secret),
            context: Array(bytes[contextStart..<c.secret.lowerBound]), sample: c.sample, lowIn: c.lowIn,
            disabledRule: c.disabledOverlap.map { rule($0).id })
    }
}
