/// Runs of hex digits (an even number, at least 32: 16 bytes), not part of a longer word.
struct HexDecoder: LayerDecoder {
    let name = "hex"
    static let minimumLength = 32
    private static let word = ByteTable { b in
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_")
    }

    func candidates(in bytes: UnsafeRawBufferPointer) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var i = 0
        let n = bytes.count
        while i < n {
            guard hexValue(bytes[i]) != nil, i == 0 || !HexDecoder.word.contains(bytes[i - 1]) else {
                i += 1
                continue
            }
            let start = i
            while i < n && hexValue(bytes[i]) != nil { i += 1 }
            let boundary = i == n || !HexDecoder.word.contains(bytes[i])
            let length = (i - start) & ~1
            if boundary && length >= HexDecoder.minimumLength { runs.append(start..<start + length) }
            while i < n && HexDecoder.word.contains(bytes[i]) { i += 1 }
        }
        return runs
    }

    func decode(_ run: UnsafeRawBufferPointer, limit: Int) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(min(limit, run.count / 2))
        var i = 0
        while i + 1 < run.count && out.count < limit {
            guard let hi = hexValue(run[i]), let lo = hexValue(run[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}
