/// How a finding's published `fingerprint` was made.
public enum FingerprintKind: String, Codable, Sendable {
    /// HMAC-SHA-256 of the secret under the fingerprint key.
    case hmacSHA256 = "hmac-sha256"
    /// SHA-256 of the secret: only without a key, and only for secrets too strong to brute-force.
    case sha256
    /// SHA-256 of rule, secret length and the text before the secret on its line — nothing
    /// that can test a guess of the secret. Without a key, for secrets that could be guessed.
    case context
}

/// The fingerprint a finding publishes in reports and baselines.
public enum FindingFingerprint {
    /// How much of the line before a secret goes into a context fingerprint.
    static let contextLength = Match.contextLength

    public static func of(
        _ secret: [UInt8], rule: Rule, publicPrefix: Int, context: [UInt8],
        key: FingerprintKey?
    ) -> (fingerprint: String, kind: FingerprintKind) {
        if let key { return (Fingerprint.hmacSHA256Hex(secret, key: key.bytes), .hmacSHA256) }
        if SecretStrength.isUnguessable(secret, publicPrefix: publicPrefix, rule: rule) {
            return (Fingerprint.sha256Hex(secret), .sha256)
        }
        let trimmed = context.suffix(contextLength).drop { $0 == 0x20 || $0 == 0x09 }
        let input = Array("tokenwarden context v1\u{0}\(rule.fingerprintID)\u{0}\(secret.count)\u{0}".utf8) + trimmed
        return (Fingerprint.sha256Hex(input), .context)
    }
}
