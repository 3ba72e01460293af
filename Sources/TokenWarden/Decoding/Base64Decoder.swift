/// Standard (`+/`) and URL-safe (`-_`) base64, padded or not. A run may be wrapped at 64 or 76
/// columns (PEM, `base64` output): it then continues on the next line.
struct Base64Decoder: LayerDecoder {
    let name = "base64"
    /// Shortest run decoded: 16 characters (12 bytes), enough for `user:password` in a docker
    /// `auth` or a Kubernetes `data:` value; shorter runs are mostly words.
    static let minimumLength = 16

    private static let alphabet = ByteTable("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_")
    private static let values: [UInt8] = {
        var v = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { v[Int(c)] = UInt8(i) }
        v[Int(UInt8(ascii: "-"))] = 62
        v[Int(UInt8(ascii: "_"))] = 63
        return v
    }()

    func candidates(in bytes: UnsafeRawBufferPointer) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        let alphabet = Base64Decoder.alphabet
        let minimum = Base64Decoder.minimumLength
        let n = bytes.count
        var i = 0
        while let (start, known) = alphabet.nextRun(in: bytes, from: i, minimum: minimum) {
            i = known
            var lineStart = start
            while true {
                while i < n && alphabet.contains(bytes[i]) { i += 1 }
                // A wrapped run: a full line of 64 or 76 characters, a newline, more alphabet.
                let width = i - lineStart
                guard width == 64 || width == 76 else { break }
                var next = i
                if next < n && bytes[next] == 0x0D { next += 1 }
                guard next < n, bytes[next] == 0x0A, next + 1 < n, alphabet.contains(bytes[next + 1]) else { break }
                i = next + 1
                lineStart = i
            }
            var end = i
            while end < n && end - i < 2 && bytes[end] == UInt8(ascii: "=") { end += 1 }
            if i - start >= minimum && Base64Decoder.mayBeText(bytes, from: start) { runs.append(start..<end) }
            i = end
        }
        return runs
    }

    /// Base64 of text has a tell: each 4-character group starts with the top 6 bits of a text byte
    /// (0x20–0x7E, tab, newline), so its first character's value is 2, 3 or 8–31. Checked on the
    /// first four groups, this drops identifiers and paths (`createQueryBuilder`) before any decoding.
    static func mayBeText(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Bool {
        for group in 0..<4 {
            let v = values[Int(bytes[start + 4 * group])]
            guard v == 2 || v == 3 || (v >= 8 && v <= 31) else { return false }
        }
        return true
    }

    func decode(_ run: UnsafeRawBufferPointer, limit: Int) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(min(limit, run.count * 3 / 4))
        var acc: UInt32 = 0, bits = 0
        for b in run {
            if b == 0x0A || b == 0x0D { continue }
            if b == UInt8(ascii: "=") { break }
            let v = Base64Decoder.values[Int(b)]
            guard v != 0xFF else { return nil }
            acc = acc << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: acc >> UInt32(bits)))
                if out.count >= limit { return out }
            }
        }
        return out
    }
}
