/// A `RuleAllowList` ready to test matches: patterns compiled on first use, stopwords lower-cased.
struct RuleAllowCheck: Sendable {
    let condition: RuleAllowList.Condition
    let secrets: [LazyPattern]
    let matches: [LazyPattern]
    let lines: [LazyPattern]
    let stopwords: [[UInt8]]
    let paths: [LazyPattern]

    init(_ list: RuleAllowList) {
        condition = list.condition
        secrets = list.secrets.map(LazyPattern.init)
        matches = list.matches.map(LazyPattern.init)
        lines = list.lines.map(LazyPattern.init)
        stopwords = list.stopwords.map { Array($0.lowercased().utf8) }
        paths = list.paths.map(LazyPattern.init)
    }

    /// Patterns that do not compile (the loader refuses them; a rule built in code may have one).
    var failures: [String] {
        (secrets + matches + lines + paths).compactMap { lazy in
            if case .failure(let e) = lazy.get() { return "allow pattern '\(lazy.source)': \(e)" }
            return nil
        }
    }

    /// Whether this list allows a match; a pattern that does not compile allows nothing.
    func allows(
        secret: UnsafeRawBufferPointer, match: UnsafeRawBufferPointer, line: UnsafeRawBufferPointer, path: String, scratch: MatchScratch
    ) -> Bool {
        var criteria: [() -> Bool] = []
        if !secrets.isEmpty { criteria.append { Self.any(secrets, in: secret, scratch) } }
        if !matches.isEmpty { criteria.append { Self.any(matches, in: match, scratch) } }
        if !lines.isEmpty { criteria.append { Self.any(lines, in: line, scratch) } }
        if !stopwords.isEmpty { criteria.append { Self.containsStopword(secret, stopwords) } }
        if !paths.isEmpty { criteria.append { Array(path.utf8).withUnsafeBytes { Self.any(paths, in: $0, scratch) } } }
        if criteria.isEmpty { return false }
        return condition == .any ? criteria.contains { $0() } : criteria.allSatisfy { $0() }
    }

    private static func any(_ patterns: [LazyPattern], in subject: UnsafeRawBufferPointer, _ scratch: MatchScratch) -> Bool {
        patterns.contains { lazy in
            guard case .success(let pattern) = lazy.get() else { return false }
            return pattern.occurs(in: subject, scratch: scratch)
        }
    }

    private static func containsStopword(_ secret: UnsafeRawBufferPointer, _ words: [[UInt8]]) -> Bool {
        let lowered = secret.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return words.contains { word in
            !word.isEmpty && lowered.count >= word.count
                && (0...(lowered.count - word.count)).contains { start in lowered[start..<(start + word.count)].elementsEqual(word) }
        }
    }
}
