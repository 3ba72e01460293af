import Foundation

/// Percent-encoding (`%3D`, `%40`): runs of URL characters holding at least one escape.
struct PercentDecoder: LayerDecoder {
    let name = "percent"
    static let minimumLength = 16
    /// Printable ASCII that can stand in a URL or form value (no space, quotes or angle brackets).
    private static let urlByte = ByteTable { b in
        b > 0x20 && b < 0x7F && b != UInt8(ascii: "\"") && b != UInt8(ascii: "'") && b != UInt8(ascii: "<")
            && b != UInt8(ascii: ">") && b != UInt8(ascii: "`")
    }

    func candidates(in bytes: UnsafeRawBufferPointer) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        guard let base = bytes.baseAddress else { return runs }
        var from = 0
        let n = bytes.count
        // Only around a `%`: most files have none, and memchr skips them fast.
        while from < n, let hit = memchrPercent(base, from, n) {
            var start = hit
            while start > 0 && PercentDecoder.urlByte.contains(bytes[start - 1]) { start -= 1 }
            var end = hit
            var escapes = 0
            while end < n && PercentDecoder.urlByte.contains(bytes[end]) {
                if bytes[end] == UInt8(ascii: "%"), end + 2 < n, hexValue(bytes[end + 1]) != nil, hexValue(bytes[end + 2]) != nil {
                    escapes += 1
                }
                end += 1
            }
            start = schemeStart(in: bytes, start..<end) ?? start
            if escapes > 0 && end - start >= PercentDecoder.minimumLength && (runs.last?.upperBound ?? 0) <= start {
                runs.append(start..<end)
            }
            from = max(end, hit + 1)
        }
        return runs
    }

    /// Where the URL in `span` starts (its scheme before `://`): `TOKEN=https://…` is a URL after a key.
    private func schemeStart(in bytes: UnsafeRawBufferPointer, _ span: Range<Int>) -> Int? {
        var i = span.lowerBound
        while i + 3 <= span.upperBound {
            if bytes[i] == UInt8(ascii: ":") && bytes[i + 1] == UInt8(ascii: "/") && bytes[i + 2] == UInt8(ascii: "/") {
                var s = i
                while s > span.lowerBound && (bytes[s - 1] | 0x20) >= UInt8(ascii: "a") && (bytes[s - 1] | 0x20) <= UInt8(ascii: "z") {
                    s -= 1
                }
                return s < i ? s : nil
            }
            i += 1
        }
        return nil
    }

    private func memchrPercent(_ base: UnsafeRawPointer, _ from: Int, _ n: Int) -> Int? {
        guard let p = memchr(base + from, Int32(UInt8(ascii: "%")), n - from) else { return nil }
        return base.distance(to: UnsafeRawPointer(p))
    }

    func decode(_ run: UnsafeRawBufferPointer, limit: Int) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(min(limit, run.count))
        var i = 0
        while i < run.count && out.count < limit {
            if run[i] == UInt8(ascii: "%"), i + 2 < run.count, let hi = hexValue(run[i + 1]), let lo = hexValue(run[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(run[i])
                i += 1
            }
        }
        return out
    }
}
