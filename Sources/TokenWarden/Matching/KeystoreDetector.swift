/// Finds keystore files by their magic bytes (never by name): PKCS#12 (`.p12`, `.pfx`), Java
/// KeyStore (JKS), JCEKS and Bouncy Castle (BKS). A keystore is binary, so no regex can match it;
/// the whole file is one secret, reported under one of the built-in `rules` below (which
/// `FindingBuilder` knows, like the registered-token rule).
public enum KeystoreDetector {
    /// One keystore format: its rule and what reports call it.
    struct Format {
        var rule: Rule
        var name: String
        var matches: ([UInt8]) -> Bool
    }

    static let formats: [Format] = [
        Format(
            rule: rule("keystore-pkcs12", "PKCS#12 keystore (.p12, .pfx): DER PFX, version 3"), name: "PKCS#12 keystore", matches: isPKCS12),
        Format(rule: rule("keystore-jks", "Java KeyStore (JKS, magic FEEDFEED)"), name: "JKS keystore") {
            starts($0, [0xFE, 0xED, 0xFE, 0xED])
        },
        Format(rule: rule("keystore-jceks", "Java JCEKS keystore (magic CECECECE)"), name: "JCEKS keystore") {
            starts($0, [0xCE, 0xCE, 0xCE, 0xCE])
        },
        Format(rule: rule("keystore-bks", "Bouncy Castle keystore (BKS v1/v2)"), name: "BKS keystore", matches: isBKS),
    ]

    /// The rules keystore findings carry (not in `Rules/`: they match bytes, not text).
    public static let rules: [Rule] = formats.map(\.rule)

    private static func rule(_ id: String, _ description: String) -> Rule {
        Rule(
            id: id, service: "keystore", description: description, keywords: [], regex: "", confidence: .high, kind: .keystore,
            remediation:
                "Treat every key and certificate in it as leaked: revoke the certificates, issue new keys, and keep keystores out of the repository (a secret manager or CI secret file)."
        )
    }

    /// The keystore match for `bytes`, when they are one: the whole file, labelled with its format and size.
    public static func detect(_ bytes: [UInt8]) -> Match? {
        guard bytes.count >= 32, let format = formats.first(where: { $0.matches(bytes) }) else { return nil }
        let entropy = bytes.withUnsafeBytes { Entropy.shannon($0) }
        return Match(
            rule: format.rule.id, span: SourceSpan(line: 1, column: 1, endLine: 1, endColumn: 1), secret: bytes,
            entropy: (entropy * 1000).rounded() / 1000, label: "\(format.name) (\(size(bytes.count)))")
    }

    static func size(_ count: Int) -> String {
        if count < 1024 { return "\(count) B" }
        let kib = Double(count) / 1024
        if kib < 1024 { return "\((kib * 10).rounded() / 10) KiB" }
        return "\((kib / 1024 * 10).rounded() / 10) MiB"
    }

    private static func starts(_ bytes: [UInt8], _ magic: [UInt8]) -> Bool {
        bytes.count >= magic.count && bytes[0..<magic.count].elementsEqual(magic)
    }

    /// `PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo { contentType OID pkcs7-data | signedData, … } }`,
    /// DER or BER (indefinite lengths, as some Java tools write).
    static func isPKCS12(_ bytes: [UInt8]) -> Bool {
        var i = 0
        guard header(bytes, &i, tag: 0x30), bytes.count >= i + 3, bytes[i..<i + 3].elementsEqual([0x02, 0x01, 0x03]) else { return false }
        i += 3
        guard header(bytes, &i, tag: 0x30) else { return false }
        // OID 1.2.840.113549.1.7.1 (data) or .7.2 (signedData: public-key integrity mode).
        let oid: [UInt8] = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07]
        guard bytes.count >= i + oid.count + 1, bytes[i..<i + oid.count].elementsEqual(oid) else { return false }
        return bytes[i + oid.count] == 0x01 || bytes[i + oid.count] == 0x02
    }

    /// Skips a DER/BER tag `tag` and its length (short, long of 1–4 bytes, or indefinite).
    private static func header(_ bytes: [UInt8], _ i: inout Int, tag: UInt8) -> Bool {
        guard i + 2 <= bytes.count, bytes[i] == tag else { return false }
        let first = bytes[i + 1]
        i += 2
        if first < 0x80 || first == 0x80 { return true }
        let count = Int(first & 0x7F)
        guard count <= 4, i + count <= bytes.count else { return false }
        i += count
        return true
    }

    /// BKS: version 1 or 2, a 20-byte salt, a plausible iteration count, then an entry type (1–5) or the end (0).
    static func isBKS(_ bytes: [UInt8]) -> Bool {
        func int(_ at: Int) -> UInt32 { bytes[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        guard bytes.count >= 33, int(0) == 1 || int(0) == 2, int(4) == 20 else { return false }
        let iterations = int(28)
        return iterations >= 1 && iterations <= 1_000_000 && bytes[32] <= 5
    }
}
