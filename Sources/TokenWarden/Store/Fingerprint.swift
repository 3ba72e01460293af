import Crypto
import Foundation

/// Secret fingerprints: the only form in which tokenwarden stores or prints a secret by default.
public enum Fingerprint {
    /// Lower-case hex SHA-256 of `bytes`.
    public static func sha256Hex<D: DataProtocol>(_ bytes: D) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// Lower-case hex HMAC-SHA-256 of `bytes` under `key`.
    public static func hmacSHA256Hex<D: DataProtocol>(_ bytes: D, key: [UInt8]) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: bytes, using: SymmetricKey(data: key)))
    }

    static func hex<S: Sequence>(_ digest: S) -> String where S.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A stored fingerprint: `sha256:<hex>` or `hmac-sha256:<hex>` (keyed by TOKENWARDEN_STORE_KEY,
/// so a leaked store cannot be checked against guesses without the key).
public struct StoredFingerprint: Hashable, Sendable, CustomStringConvertible {
    public enum Algorithm: String, Sendable { case sha256 = "sha256", hmacSHA256 = "hmac-sha256" }
    public var algorithm: Algorithm
    public var hex: String

    public init(algorithm: Algorithm, hex: String) {
        self.algorithm = algorithm
        self.hex = hex
    }

    public init?(parsing text: String) {
        // Byte comparisons: a big store parses one of these per token.
        guard let algorithm = [Algorithm.sha256, .hmacSHA256].first(where: { text.utf8.starts(with: "\($0.rawValue):".utf8) }) else {
            return nil
        }
        let hex = text.utf8.dropFirst(algorithm.rawValue.utf8.count + 1)
        guard hex.count == 64, hex.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        self.init(algorithm: algorithm, hex: String(Substring(hex)))
    }

    /// The fingerprint of `secret` by `algorithm` (HMAC needs `key`).
    public static func of(_ secret: [UInt8], algorithm: Algorithm, key: [UInt8]?) -> StoredFingerprint? {
        switch algorithm {
        case .sha256: return StoredFingerprint(algorithm: .sha256, hex: Fingerprint.sha256Hex(secret))
        case .hmacSHA256:
            guard let key else { return nil }
            return StoredFingerprint(algorithm: .hmacSHA256, hex: Fingerprint.hmacSHA256Hex(secret, key: key))
        }
    }

    public var description: String { "\(algorithm.rawValue):\(hex)" }
}
