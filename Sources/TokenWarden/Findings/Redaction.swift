/// Shortens a secret for display: a recognisable prefix (`ghp_`, `xoxb-`, `sk-`) and the last
/// four characters, e.g. `ghp_…a1B2`; short secrets show nothing but their length.
public enum Redaction {
    public static func redact(_ secret: [UInt8]) -> String {
        if secret.count < 12 { return String(repeating: "*", count: min(secret.count, 8)) }
        var prefixEnd = 0
        // A prefix ends at the last '_' or '-' within the first 12 bytes, if the bytes before it are letters.
        for i in 0..<min(12, secret.count - 8) {
            let b = secret[i]
            if b == UInt8(ascii: "_") || b == UInt8(ascii: "-") {
                if secret[0..<i].allSatisfy(isLetterOrUnderscore) { prefixEnd = i + 1 }
            }
        }
        let prefix = String(decoding: secret[0..<prefixEnd], as: UTF8.self)
        let suffix = String(decoding: secret[(secret.count - 4)...], as: UTF8.self)
        return prefix + "…" + suffix
    }

    private static func isLetterOrUnderscore(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }
}
