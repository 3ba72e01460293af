/// Runs of hex digits (an even number, at least 32: 16 bytes), not part of a longer word.
struct HexDecoder: LayerDecoder {
    let name = "hex"
    static let minimumLength = 32
    private static let hex = ByteTable("0123456789abcdefABCDEF")
    private static let word = ByteTable { b in
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_")
    }

    func candidates(in bytes: UnsafeRawBufferPointer) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        let word = HexDecoder.word, hex = HexDecoder.hex
        let minimum = HexDecoder.minimumLength
        let n = bytes.count
        var i = 0
        while let (start, known) = hex.nextRun(in: bytes, from: i, minimum: minimum) {
            var end = known
            while end < n && hex.contains(bytes[end]) { end += 1 }
            let bounded = (start == 0 || !word.contains(bytes[start - 1])) && (end == n || !word.contains(bytes[end]))
            let length = (end - start) & ~1
            if bounded && length >= minimum { runs.append(start..<start + length) }
            i = end
            while i < n && word.contains(bytes[i]) { i += 1 }
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
