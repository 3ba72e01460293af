/// The hash GitHub code scanning tracks an alert's line by (`partialFingerprints.primaryLocationLineHash`),
/// in GitHub's shape — 16 hex digits, whitespace-insensitive — but never over the secret itself.
///
/// GitHub's own algorithm (codeql-action `fingerprints.ts`) is an unkeyed 64-bit rolling hash of the
/// line's first 100 non-blank characters: over a line holding a short password that hash is a test any
/// guess can be checked against offline. So tokenwarden hashes what identifies the line without the
/// secret: the text before the secret on its line, blanks dropped as GitHub drops them (so re-indenting
/// keeps the alert), and the finding's published fingerprint in the secret's place — keyed, or the
/// SHA-256 of a secret too strong to guess, or a context hash; it is already in the report, so hashing
/// it again reveals nothing new. The report adds GitHub's `:N` occurrence counter per file.
public enum LineHash {
    public static func of(rule: Rule, context: [UInt8], fingerprint: String) -> String {
        let before = context.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
        let input = Array("tokenwarden line v1\u{0}\(rule.fingerprintID)\u{0}".utf8) + before + Array("\u{0}\(fingerprint)".utf8)
        return String(Fingerprint.sha256Hex(input).prefix(16))
    }
}
