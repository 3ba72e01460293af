/// The narrowest character class a candidate fits, for entropy thresholds:
/// a hex string tops out at 4 bits per character, base62 at ~5.95, base64 at 6.
public enum CharacterClass: Sendable {
    case hex, alphanumeric, other

    public static func of(_ bytes: UnsafeRawBufferPointer) -> CharacterClass {
        var isHex = true
        for b in bytes {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"):
                continue
            case UInt8(ascii: "g")...UInt8(ascii: "z"), UInt8(ascii: "G")...UInt8(ascii: "Z"):
                isHex = false
            default:
                return .other
            }
        }
        return isHex ? .hex : .alphanumeric
    }
}

/// Shannon entropy in bits per byte.
public enum Entropy {
    public static func shannon(_ bytes: UnsafeRawBufferPointer) -> Double {
        guard !bytes.isEmpty else { return 0 }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { counts in
            counts.initialize(repeating: 0)
            for b in bytes { counts[Int(b)] += 1 }
            let n = Double(bytes.count)
            var h = 0.0
            for c in counts where c > 0 {
                let p = Double(c) / n
                h -= p * log2(p)
            }
            return h
        }
    }

    public static func shannon(_ s: String) -> Double {
        var bytes = Array(s.utf8)
        return bytes.withUnsafeMutableBytes { shannon(UnsafeRawBufferPointer($0)) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
