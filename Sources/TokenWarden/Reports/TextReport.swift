import Foundation

/// Human output: one line per finding, `path:line:col`, rule, service, redacted secret, confidence.
public enum TextReport {
    /// Each finding's line (and details) as it is formatted; with `verbose`, the skipped files after them.
    /// With `color` (a terminal), ANSI colours: the place bold, blocking rules red, the others yellow.
    public static func write(_ result: ScanResult, verbose: Bool = false, color: Bool = false, to sink: ReportSink) throws {
        for f in result.findings {
            try sink.write(line(for: f, color: color) + "\n")
            for detail in details(for: f) { try sink.write("    " + detail + "\n") }
        }
        if verbose {
            for s in result.skipped { try sink.write("skipped \(printable(s.path)): \(s.reason.rawValue) (\(s.detail))\n") }
        }
    }

    public static func render(_ result: ScanResult, verbose: Bool = false) -> String {
        // A memory sink does not fail.
        try! MemorySink.text { try write(result, verbose: verbose, to: $0) }
    }

    /// Store verdicts under a leaked token's line: whose it is, what it can do, what to do now.
    public static func details(for f: Finding) -> [String] {
        let live = FindingMessage.verificationNote(f).map { [$0] } ?? []
        guard f.status == .leaked, let id = f.tokenID else { return live + liveFacts(f) }
        var lines = ["leaked registered token \(id)" + (f.owner.map { $0.isEmpty ? "" : " (owner: \($0))" } ?? "")]
        var facts: [String] = []
        if let scopes = f.scopes {
            let label = f.scopesAreLive ? "live scopes" : "scopes"
            facts.append("\(label): \(scopes.isEmpty ? "none (full access)" : scopes.joined(separator: ", "))")
        }
        if let excess = f.excessScopes, !excess.isEmpty { facts.append("over-scoped: \(excess.joined(separator: ", "))") }
        if let expiry = f.expiry { facts.append("expiry: \(expiry.rawValue)") }
        if !facts.isEmpty { lines.append(facts.joined(separator: "; ")) }
        if let remediation = f.remediation { lines.append("remediation: \(remediation)") }
        return live + lines
    }

    /// What the service reported of a valid secret the store does not know.
    private static func liveFacts(_ f: Finding) -> [String] {
        guard f.verification == .valid else { return [] }
        var facts: [String] = []
        if let scopes = f.scopes { facts.append("scopes: \(scopes.isEmpty ? "none reported" : scopes.joined(separator: ", "))") }
        if let excess = f.excessScopes, !excess.isEmpty { facts.append("over-scoped: \(excess.joined(separator: ", "))") }
        return facts.isEmpty ? [] : [facts.joined(separator: "; ")]
    }

    /// Control characters in a path (a newline in a file name) would break one-finding-per-line output.
    static func printable(_ path: String) -> String { ControlCharacters.escaped(path) }

    public static func line(for f: Finding, color: Bool = false) -> String {
        var where_ = "\(printable(f.path)):\(f.line):\(f.column)"
        if let commit = f.commit { where_ = "\(commit.prefix(12)):\(where_)" }
        var tags = [f.confidence.rawValue]
        if f.status == .leaked { tags.insert("LEAKED", at: 0) }
        if f.verification == .valid { tags.insert("VERIFIED VALID", at: 0) }
        if let checksum = f.checksum { tags.append("checksum \(checksum.rawValue)") }
        if let protection = f.keyProtection { tags.append(protection == .passphrase ? "passphrase-protected" : "no passphrase") }
        if let decoded = f.decoded { tags.append("decoded \(decoded)") }
        if let disabled = f.disabledRule { tags.append("rule \(disabled) disabled") }
        if f.isUnreachable { tags.append("unreachable") }
        if !f.blocking { tags.append("not blocking") }
        let style = color ? ANSIStyle.on : .off
        let rule = f.blocking ? style.red(f.rule) : style.yellow(f.rule)
        return "\(style.bold(where_)): \(rule) (\(f.service)) \(f.secret ?? f.redacted) [\(tags.joined(separator: ", "))]"
    }

    /// The summary line written to standard error after every scan.
    public static func summary(_ result: ScanResult) -> String {
        let s = result.summary
        var parts = ["\(s.findings) finding\(s.findings == 1 ? "" : "s") (\(s.blocking) blocking)"]
        parts.append("\(s.filesScanned) file\(s.filesScanned == 1 ? "" : "s") scanned (\(byteCount(s.bytesScanned)))")
        if s.filesSkipped > 0 {
            var reasons: [String: Int] = [:]
            for skip in result.skipped { reasons[skip.reason.rawValue, default: 0] += 1 }
            let detail = reasons.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            parts.append("\(s.filesSkipped) skipped (\(detail); --verbose lists them)")
        }
        if s.suppressed > 0 { parts.append("\(s.suppressed) suppressed by tokenwarden:allow") }
        if s.allowlisted > 0 { parts.append("\(s.allowlisted) allow-listed by the config") }
        if s.baselined > 0 { parts.append("\(s.baselined) in the baseline") }
        if let verified = verificationCounts(result) { parts.append(verified) }
        if let hidden = s.notVerified, hidden > 0 { parts.append("\(hidden) not verified valid (--only-verified)") }
        if !result.errors.isEmpty {
            parts.append("\(result.errors.count) error\(result.errors.count == 1 ? "" : "s") (incomplete scan; --verbose lists them)")
        }
        parts.append("in \(s.durationMilliseconds) ms")
        return "tokenwarden: " + parts.joined(separator: ", ")
    }

    /// `verified: 1 valid, 2 invalid, 1 error` after a `--verify` scan: every finding's outcome counted.
    static func verificationCounts(_ result: ScanResult) -> String? {
        var counts: [VerificationStatus: Int] = [:]
        for f in result.findings { if let status = f.verification { counts[status, default: 0] += 1 } }
        guard !counts.isEmpty else { return nil }
        return "verified: "
            + VerificationStatus.allCases.compactMap { status in counts[status].map { "\($0) \(status.rawValue)" } }.joined(separator: ", ")
    }

    /// What to do when the pre-commit hook blocks a commit.
    public static let blockedCommitHelp = """
        tokenwarden: commit blocked: the staged changes add the secrets above. To proceed:
          - remove the secret, load it from the environment or a secret store, and `git add` the file again
            (if it was a real token, revoke and re-issue it: it is on your disk and maybe in your shell history);
          - for a false alarm, add `tokenwarden:allow` (or `tokenwarden:allow RULE-ID`) in a comment on that line,
            or allow-list its fingerprint in .tokenwarden.yaml (allow: fingerprints: [...]);
          - to accept what is already there and block only new secrets: tokenwarden baseline create, then
            `baseline: .tokenwarden/baseline.yaml` in .tokenwarden.yaml.
        """

    static func byteCount(_ n: Int) -> String {
        if n < 1024 { return "\(n) B" }
        if n < 1024 * 1024 { return "\(n / 1024) KiB" }
        return String(format: "%.1f MiB", Double(n) / 1_048_576)
    }
}
