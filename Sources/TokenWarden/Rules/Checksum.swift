/// Checksums some token formats carry; a token that fails its checksum was never issued
/// (a typo, a docs example, a test value), so it is reported as low confidence, not blocking.
public enum Checksum: String, CaseIterable, Sendable {
    /// GitHub (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`) and npm (`npm_`): 30 base62 characters,
    /// then the CRC32 (IEEE) of those 30 written as 6 base62 digits (`0-9A-Za-z`, zero padded).
    case githubCRC32 = "github-crc32"

    public init?(named name: String) { self.init(rawValue: name) }

    public static var allNames: [String] { allCases.map(\.rawValue) }

    /// Whether `secret` carries a valid checksum.
    public func verify(_ secret: UnsafeRawBufferPointer) -> Bool {
        switch self {
        case .githubCRC32:
            guard secret.count >= 36 else { return false }
            let tail = UnsafeRawBufferPointer(rebasing: secret[(secret.count - 36)...])
            let body = UnsafeRawBufferPointer(rebasing: tail[0..<30])
            let expected = Base62.encode(CRC32.checksum(body), width: 6)
            return expected.elementsEqual(tail[30..<36])
        }
    }

    public func verify(_ secret: String) -> Bool {
        var bytes = Array(secret.utf8)
        return bytes.withUnsafeMutableBytes { verify(UnsafeRawBufferPointer($0)) }
    }
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as zlib computes it.
public enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

/// Base62 with the digits-upper-lower alphabet GitHub uses.
public enum Base62 {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    /// `value` in base62, left-padded with `0` to `width` digits.
    public static func encode(_ value: UInt32, width: Int) -> [UInt8] {
        var digits: [UInt8] = []
        var v = value
        repeat {
            digits.append(alphabet[Int(v % 62)])
            v /= 62
        } while v > 0
        while digits.count < width { digits.append(UInt8(ascii: "0")) }
        return digits.reversed()
    }
}
