/// The narrowest character set a token is written in. The store keeps it (with the length) so a
/// scan can find registered tokens of any format by hashing only runs of that set and length.
public enum TokenCharset: String, CaseIterable, Sendable {
    case hex, alnum, token, dotted, base64, printable

    /// Narrowest first.
    public static func of(_ bytes: [UInt8]) -> TokenCharset? {
        allCases.first { set in bytes.allSatisfy(set.contains) }
    }

    @inline(__always)
    public func contains(_ c: UInt8) -> Bool {
        let digit = c >= 0x30 && c <= 0x39
        let lower = c >= 0x61 && c <= 0x7A
        let upper = c >= 0x41 && c <= 0x5A
        switch self {
        case .hex: return digit || (c >= 0x61 && c <= 0x66)
        case .alnum: return digit || lower || upper
        case .token: return digit || lower || upper || c == 0x5F || c == 0x2D
        case .dotted: return digit || lower || upper || c == 0x5F || c == 0x2D || c == 0x2E
        case .base64: return digit || lower || upper || c == 0x2B || c == 0x2F || c == 0x3D
        case .printable: return c > 0x20 && c < 0x7F && c != 0x22 && c != 0x27 && c != 0x60
        }
    }
}
