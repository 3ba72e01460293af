/// Whether a private key found in a file needs a passphrase before it can be used.
public enum KeyProtection: String, Codable, Sendable {
    /// Encrypted under a passphrase: still a leak (passphrases are guessed offline), but not one
    /// anybody can use at once, so it is reported with medium confidence at most.
    case passphrase
    /// Usable as it stands.
    case none
}

/// Checks a private-key rule names with `key_check:`, reading the key's own text to tell whether it
/// is passphrase-protected. Like `Checksum`, a check never drops a match; it only adds a fact.
public enum KeyCheck: String, CaseIterable, Sendable {
    /// PEM armour (PKCS#1, SEC1, PKCS#8): `-----BEGIN ENCRYPTED PRIVATE KEY-----` (PKCS#8) or a
    /// legacy `Proc-Type: 4,ENCRYPTED` header means a passphrase; anything else means none.
    case pem
    /// `-----BEGIN OPENSSH PRIVATE KEY-----`: the body decodes to `openssh-key-v1\0`, then the
    /// cipher name as an SSH string; `none` means unencrypted.
    case openssh
    /// PuTTY `.ppk` (v2, v3): the `Encryption:` header, `none` or a cipher such as `aes256-cbc`.
    case ppk
    /// OpenPGP secret key block: the first secret-key packet's S2K usage octet, 0 for unencrypted.
    case pgp

    public init?(named name: String) { self.init(rawValue: name) }

    public static var allNames: [String] { allCases.map(\.rawValue) }

    /// The protection of the key in `secret` (the reported span) found by `match` (the rule's whole
    /// match, which for `.ppk` files holds the headers); nil when the text does not say (a body
    /// that does not decode as the format's structure).
    public func protection(secret: UnsafeRawBufferPointer, match: UnsafeRawBufferPointer) -> KeyProtection? {
        switch self {
        case .pem:
            let encrypted =
                Decoys.contains(secret, Array("-----begin encrypted private key-----".utf8))
                || Decoys.contains(secret, Array("proc-type: 4,encrypted".utf8))
            return encrypted ? .passphrase : KeyProtection.none
        case .openssh:
            return OpenSSHKey.protection(PEMBody.bytes(secret, limit: 96))
        case .ppk:
            guard let value = PEMBody.headerValue("encryption", in: match) else { return nil }
            return value == Array("none".utf8) ? KeyProtection.none : .passphrase
        case .pgp:
            return OpenPGPKey.protection(PEMBody.bytes(secret, limit: 4096))
        }
    }

    public func protection(secret: String, match: String? = nil) -> KeyProtection? {
        var s = Array(secret.utf8), m = Array((match ?? secret).utf8)
        return s.withUnsafeMutableBytes { sb in
            m.withUnsafeMutableBytes { protection(secret: UnsafeRawBufferPointer(sb), match: UnsafeRawBufferPointer($0)) }
        }
    }
}

/// The base64 body of an armoured key however it is written: real lines, a YAML block scalar, a
/// JSON or C-like string with `\n` escapes (and JSON's `\/`, escapes escaped again, XML's `&#10;`), or
/// string literals concatenated over
/// lines (`"…\n" +`, Python's implicit concatenation, Go backticks). Text outside string literals
/// (operators, indentation) and header lines (`Name: value`) are left out.
enum PEMBody {
    /// The decoded bytes of the body's first base64 characters, at most `limit` bytes.
    static func bytes(_ text: UnsafeRawBufferPointer, limit: Int) -> [UInt8] {
        Base64Prefix.decode(characters(text, limit: (limit + 2) / 3 * 4))
    }

    /// The base64 characters of the body (after the BEGIN line, up to `-----END`), at most `limit`.
    static func characters(_ text: UnsafeRawBufferPointer, limit: Int) -> [UInt8] {
        var i = bodyStart(text)
        var out: [UInt8] = [], line: [UInt8] = []
        var inLiteral = true, headerLine = false
        func endLine() {
            if !headerLine { out += line }
            line.removeAll(keepingCapacity: true)
            headerLine = false
        }
        while i < text.count, out.count < limit {
            let c = text[i]
            if c == UInt8(ascii: "-") && !headerLine && line.isEmpty { break }  // -----END
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "`") {
                inLiteral.toggle()
            } else if c == 0x0A || c == 0x0D {
                endLine()
            } else if inLiteral && c == UInt8(ascii: "\\") && i + 1 < text.count {
                // `\n`, `\\n` (escaped twice), `\/`: the backslashes, then one escaped character.
                while i + 1 < text.count && text[i + 1] == UInt8(ascii: "\\") { i += 1 }
                i += 1
                if i < text.count && text[i] == UInt8(ascii: "/") { line.append(text[i]) } else { endLine() }
            } else if c == UInt8(ascii: "&") && i + 1 < text.count && text[i + 1] == UInt8(ascii: "#") {
                // An XML character reference (`&#10;`) is a line break.
                let end = min(text.count, i + 8)
                while i < end && text[i] != UInt8(ascii: ";") { i += 1 }
                endLine()
            } else if inLiteral && c == UInt8(ascii: ":") {
                headerLine = true
            } else if inLiteral && Base64Prefix.value(c) != nil {
                line.append(c)
            }
            i += 1
        }
        endLine()
        return Array(out.prefix(limit))
    }

    /// The offset just past the BEGIN line's closing dashes (`-----BEGIN X-----`), or 0.
    private static func bodyStart(_ text: UnsafeRawBufferPointer) -> Int {
        var dashes = 0, runs = 0
        for (i, c) in text.enumerated() {
            if c == UInt8(ascii: "-") {
                dashes += 1
            } else {
                if dashes >= 5 { runs += 1 }
                dashes = 0
            }
            if runs == 1 && dashes == 5 { return i + 1 }
        }
        return 0
    }

    /// The value of a `Name: value` header line (name matched case-insensitively), without
    /// surrounding blanks, lower-cased.
    static func headerValue(_ name: String, in text: UnsafeRawBufferPointer) -> [UInt8]? {
        let key = Array((name + ":").utf8)
        var lineStart = 0
        while lineStart < text.count {
            var end = lineStart
            while end < text.count && text[end] != 0x0A { end += 1 }
            let line = UnsafeRawBufferPointer(rebasing: text[lineStart..<end])
            if line.count >= key.count, Decoys.contains(UnsafeRawBufferPointer(rebasing: line[0..<key.count]), key) {
                return line[key.count...].map(KeywordAutomaton.fold).filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
            }
            lineStart = end + 1
        }
        return nil
    }
}

/// A lenient decoder of standard base64 for the first bytes of a key: stops at padding.
enum Base64Prefix {
    static func value(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): c - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): c - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }

    static func decode(_ characters: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(characters.count * 3 / 4)
        var acc: UInt32 = 0, bits = 0
        for c in characters {
            guard let v = value(c) else { break }
            acc = (acc << 6) | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((acc >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }
}

/// OpenSSH's private key format (PROTOCOL.key): `openssh-key-v1\0`, then the cipher name.
enum OpenSSHKey {
    private static let magic = Array("openssh-key-v1\u{0}".utf8)

    static func protection(_ decoded: [UInt8]) -> KeyProtection? {
        guard decoded.starts(with: magic) else { return nil }
        var reader = ByteFields(decoded, at: magic.count)
        guard let cipher = reader.string(maxLength: 64), !cipher.isEmpty else { return nil }
        return cipher == Array("none".utf8) ? KeyProtection.none : .passphrase
    }
}

/// OpenPGP (RFC 4880 / 9580): the first packet must be a secret key (tag 5); after its public
/// fields comes the S2K usage octet, 0 when the secret fields are stored unencrypted.
enum OpenPGPKey {
    static func protection(_ decoded: [UInt8]) -> KeyProtection? {
        guard let first = decoded.first, first & 0x80 != 0 else { return nil }
        var r = ByteFields(decoded, at: 1)
        let tag: UInt8
        if first & 0x40 != 0 {  // new format: one, two or five length octets
            tag = first & 0x3F
            guard let l = r.byte() else { return nil }
            if l >= 192 && l < 224 { _ = r.byte() } else if l == 255 { _ = r.skip(4) }
        } else {  // old format: 1, 2 or 4 length octets, or indeterminate
            tag = (first >> 2) & 0x0F
            let lengthType = first & 0x03
            if lengthType < 3 { _ = r.skip([1, 2, 4][Int(lengthType)]) }
        }
        guard tag == 5, let version = r.byte(), version == 4 || version == 5 || version == 6 else { return nil }
        guard r.skip(4), let algorithm = r.byte() else { return nil }  // creation time
        if version != 4 { guard r.skip(4) else { return nil } }  // v5/v6: length of the public fields
        guard skipPublicFields(algorithm, &r), let usage = r.byte() else { return nil }
        return usage == 0 ? KeyProtection.none : .passphrase
    }

    private static func skipPublicFields(_ algorithm: UInt8, _ r: inout ByteFields) -> Bool {
        switch algorithm {
        case 1, 2, 3: return r.mpi() && r.mpi()  // RSA: n, e
        case 16: return r.mpi() && r.mpi() && r.mpi()  // Elgamal: p, g, y
        case 17: return r.mpi() && r.mpi() && r.mpi() && r.mpi()  // DSA: p, q, g, y
        case 19, 22: return r.oid() && r.mpi()  // ECDSA, EdDSA (legacy): curve, point
        case 18:  // ECDH: curve, point, KDF parameters
            guard r.oid(), r.mpi(), let n = r.byte() else { return false }
            return r.skip(Int(n))
        case 25, 27: return r.skip(32)  // X25519, Ed25519
        case 26: return r.skip(56)  // X448
        case 28: return r.skip(57)  // Ed448
        default: return false
        }
    }
}

/// Big-endian fields read from decoded key bytes, never past their end.
struct ByteFields {
    private let bytes: [UInt8]
    private var offset: Int

    init(_ bytes: [UInt8], at offset: Int) {
        self.bytes = bytes
        self.offset = offset
    }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func skip(_ n: Int) -> Bool {
        guard n >= 0, offset + n <= bytes.count else { return false }
        offset += n
        return true
    }

    /// An SSH string: a 32-bit length, then that many bytes.
    mutating func string(maxLength: Int) -> [UInt8]? {
        guard offset + 4 <= bytes.count else { return nil }
        let n = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        guard n <= maxLength, offset + 4 + n <= bytes.count else { return nil }
        defer { offset += 4 + n }
        return Array(bytes[offset + 4..<offset + 4 + n])
    }

    /// An OpenPGP multiprecision integer: a 16-bit bit count, then the bytes.
    mutating func mpi() -> Bool {
        guard let hi = byte(), let lo = byte() else { return false }
        return skip((((Int(hi) << 8) | Int(lo)) + 7) / 8)
    }

    /// An OpenPGP curve OID: a one-octet length, then the OID.
    mutating func oid() -> Bool {
        guard let n = byte(), n != 0, n != 0xFF else { return false }
        return skip(Int(n))
    }
}
