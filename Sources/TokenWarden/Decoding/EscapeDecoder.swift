import Foundation

/// JSON and JavaScript string escapes: `\n`, `\"`, `\/`, `\\`, `\uXXXX` (surrogate pairs too), `\xXX`.
/// A run is one quoted string on one line that holds at least one escape (or, without quotes, the
/// stretch of the line from its first escape to its end).
struct EscapeDecoder: LayerDecoder {
    let name = "escape"
    static let minimumLength = 16
    private static let escaped = ByteTable("nrtbf\"'/\\ux")

    func candidates(in bytes: UnsafeRawBufferPointer) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        guard let base = bytes.baseAddress else { return runs }
        // Only lines with a backslash can hold escapes: memchr finds them, and each is read alone.
        var from = 0
        while from < bytes.count, let hit = memchr(base + from, 0x5C, bytes.count - from) {
            let offset = base.distance(to: UnsafeRawPointer(hit))
            var start = offset
            while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
            var end = offset
            if let nl = memchr(base + offset, 0x0A, bytes.count - offset) {
                end = base.distance(to: UnsafeRawPointer(nl))
            } else {
                end = bytes.count
            }
            for run in candidates(inLine: UnsafeRawBufferPointer(rebasing: bytes[start..<end])) {
                runs.append((run.lowerBound + start)..<(run.upperBound + start))
            }
            from = end + 1
        }
        return runs
    }

    /// The runs of one line (no newline in it).
    private func candidates(inLine bytes: UnsafeRawBufferPointer) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        let escaped = EscapeDecoder.escaped
        let n = bytes.count
        var i = 0
        var quote: UInt8? = nil
        var stringStart = 0
        var escapes = 0
        while i < n {
            let b = bytes[i]
            if b == 0x5C, i + 1 < n {
                if escaped.contains(bytes[i + 1]) {
                    escapes += 1
                }
                i += 2
                continue
            }
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                if let q = quote, q == b {
                    if escapes > 0 && i - stringStart >= EscapeDecoder.minimumLength { runs.append(stringStart..<i) }
                    quote = nil
                    escapes = 0
                    stringStart = i + 1
                } else if quote == nil {
                    quote = b
                    escapes = 0
                    stringStart = i + 1
                }
            }
            i += 1
        }
        // An unclosed string (or escapes outside quotes) runs to the line's end.
        if escapes > 0 && n - stringStart >= EscapeDecoder.minimumLength { runs.append(stringStart..<n) }
        return runs
    }

    func decode(_ run: UnsafeRawBufferPointer, limit: Int) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(min(limit, run.count))
        var i = 0
        let n = run.count
        func hex(_ at: Int, _ count: Int) -> UInt32? {
            guard at + count <= n else { return nil }
            var v: UInt32 = 0
            for k in at..<at + count {
                guard let d = hexValue(run[k]) else { return nil }
                v = v << 4 | UInt32(d)
            }
            return v
        }
        while i < n && out.count < limit {
            let b = run[i]
            guard b == 0x5C, i + 1 < n else {
                out.append(b)
                i += 1
                continue
            }
            let c = run[i + 1]
            i += 2
            switch c {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "x"):
                if let v = hex(i, 2) {
                    out.append(UInt8(v))
                    i += 2
                } else {
                    out += [0x5C, c]
                }
            case UInt8(ascii: "u"):
                guard var scalar = hex(i, 4) else {
                    out += [0x5C, c]
                    continue
                }
                i += 4
                if scalar >= 0xD800 && scalar < 0xDC00, i + 6 <= n, run[i] == 0x5C, run[i + 1] == UInt8(ascii: "u"),
                    let low = hex(i + 2, 4), low >= 0xDC00 && low < 0xE000
                {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                out += Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
            default:
                // `\"`, `\'`, `\/`, `\\` stand for the character; anything else is kept as written.
                if EscapeDecoder.escaped.contains(c) { out.append(c) } else { out += [0x5C, c] }
            }
        }
        return out
    }
}
