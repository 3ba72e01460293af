import Foundation

/// A rough upper bound on how hard a secret is to guess: length × log2 of the alphabet its
/// characters come from (hex, digits, letters, printable). It is generous to human-chosen values
/// (a dictionary attack beats it), so it only counts for machine-issued formats: a rule with a
/// public prefix or a checksum, and never a catch-all rule.
public enum SecretStrength {
    /// Below this, a plain hash of the secret could be brute-forced from a report.
    public static let unguessableBits = 128.0

    /// Estimated bits of `bytes` (the part of the secret after its public prefix).
    public static func bits(_ bytes: ArraySlice<UInt8>) -> Double {
        var digits = false, lower = false, upper = false, other = false, hexLetters = true
        for b in bytes {
            switch b {
            case 0x30...0x39: digits = true
            case 0x61...0x7A: lower = true; if b > 0x66 { hexLetters = false }
            case 0x41...0x5A: upper = true; if b > 0x46 { hexLetters = false }
            default: other = true
            }
        }
        let alphabet: Double
        if !other && hexLetters && !(lower && upper) && (lower || upper) {
            alphabet = 16
        } else {
            alphabet = (digits ? 10 : 0) + (lower ? 26 : 0) + (upper ? 26 : 0) + (other ? 33 : 0)
        }
        return alphabet > 1 ? Double(bytes.count) * log2(alphabet) : 0
    }

    /// Whether a plain SHA-256 of the secret is safe to publish.
    static func isUnguessable(_ secret: [UInt8], publicPrefix: Int, rule: Rule) -> Bool {
        guard !rule.generic, publicPrefix > 0 || rule.checksum != nil else { return false }
        return bits(secret[publicPrefix...]) >= unguessableBits
    }
}
