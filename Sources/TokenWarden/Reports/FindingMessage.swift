/// The words the CI formats (SARIF, JUnit, GitLab, annotations) show for a finding. They never hold
/// the raw secret, not even with `--show-secrets`: CI reports are uploaded to other services, kept
/// for months and shown to everyone who can read the pipeline, so the redacted form is all they get.
enum FindingMessage {
    /// What was found, without where: the rule's description, else its id.
    static func title(_ f: Finding) -> String {
        f.description.isEmpty ? f.rule : f.description
    }

    /// One line: what, the redacted secret, and the facts that change what to do about it
    /// (the commit it came from, the encodings it was decoded from, an unreachable object, a leaked registered token, excess scopes, expiry, a failed checksum,
    /// a key's passphrase protection).
    static func text(_ f: Finding) -> String {
        var notes: [String] = []
        if let commit = f.commit { notes.append("in commit \(commit.prefix(12))") }
        if let decoded = f.decoded { notes.append("decoded: \(decoded)") }
        if let disabled = f.disabledRule { notes.append("rule \(disabled) is disabled: low confidence") }
        // Gone from every branch, yet still in the object database (and in every clone or fork that fetched it).
        if f.isUnreachable { notes.append("in an object no ref or reflog reaches") }
        if f.status == .leaked, let id = f.tokenID {
            let owner = f.owner.flatMap { $0.isEmpty ? nil : $0 }
            notes.append("leaked registered token \(id)" + (owner.map { " (owner: \($0))" } ?? ""))
        }
        if let live = verificationNote(f) { notes.append(live) }
        if let excess = f.excessScopes, !excess.isEmpty { notes.append("over-scoped: \(excess.joined(separator: ", "))") }
        if let expiry = f.expiry { notes.append("expiry: \(expiry.rawValue)") }
        if f.checksum == .invalid { notes.append("checksum invalid: probably never issued") }
        if let protection = f.keyProtection {
            notes.append(protection == .passphrase ? "passphrase-protected key" : "key without a passphrase")
        }
        return (["\(title(f)): \(f.redacted)"] + notes).joined(separator: "; ")
    }

    /// `verified valid (login octocat) at api.github.com`, `verification error: timeout`.
    static func verificationNote(_ f: Finding) -> String? {
        guard let status = f.verification else { return nil }
        if status == .valid {
            return "verified valid" + (f.verifiedIdentity.map { " (\(ControlCharacters.escaped($0)))" } ?? "")
                + (f.verifiedHost.map { " at \($0)" } ?? "")
        }
        return "verification \(status.rawValue): \(f.verificationReason ?? "")"
    }

    /// The finding as a copy without its raw secret, for formatters shared with the text report.
    static func withoutSecret(_ f: Finding) -> Finding {
        var copy = f
        copy.published.shown = nil
        return copy
    }

    /// Why a scan is incomplete: its errors and the files it could not read, which every CI format
    /// reports, so an incomplete scan is not mistaken for a clean one.
    static func problems(_ result: ScanResult) -> [String] {
        result.errors.map(\.message) + result.skipped.filter { $0.reason == .unreadable }.map { "could not read \($0.path): \($0.detail)" }
    }

    /// What to do, for formats that have room for a second line.
    static func remediation(_ f: Finding) -> String {
        f.remediation ?? defaultRemediation
    }

    /// Said when a rule has no remediation of its own.
    static let defaultRemediation =
        "Revoke the secret with the service that issued it, issue a new one, and load it from "
        + "the environment or a secret store instead of the repository (the old value stays in git history)."
}
