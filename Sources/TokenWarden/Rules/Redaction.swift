/// Shortens a secret for display: the public prefix of its format (`ghp_`, `sk_live_`, `AKIA`)
/// and a few of its last characters, e.g. `ghp_…a1B2`. Of the rest, at most one character in
/// eight is shown (never more than 4), and a rest shorter than 16 characters is fully masked with
/// a fixed-width mask, so nothing of a short password shows — not even its length.
public enum Redaction {
    /// What stands for a secret (or the rest of it) that is too short to show any of.
    public static let mask = "********"
    /// The shortest hidden part of which a few trailing characters may be shown.
    public static let minimumRevealedLength = 16

    /// `publicPrefix` is how many leading bytes are the format's public prefix (see `PublicPrefix`).
    public static func redact(_ secret: [UInt8], publicPrefix: Int = 0) -> String {
        let prefixLength = min(max(0, publicPrefix), secret.count)
        let prefix = String(decoding: secret[..<prefixLength], as: UTF8.self)
        let hidden = secret.count - prefixLength
        guard hidden >= minimumRevealedLength else { return prefix + mask }
        let shown = revealedCount(hiddenLength: hidden)
        return prefix + "…" + String(decoding: secret[(secret.count - shown)...], as: UTF8.self)
    }

    /// Trailing characters shown of a hidden part this long: one in eight, at most 4.
    public static func revealedCount(hiddenLength: Int) -> Int {
        hiddenLength < minimumRevealedLength ? 0 : min(4, hiddenLength / 8)
    }
}
