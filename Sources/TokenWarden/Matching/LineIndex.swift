import Foundation

/// Byte offset → 1-based (line, column), built once per blob that has findings.
struct LineIndex {
    private var starts: [Int] = [0]
    /// Where the last UTF-16 count stopped: matches come in order along a line, so a minified
    /// file's thousand findings on one long line are counted in one pass, not a thousand.
    private var cursor = (lineStart: 0, offset: 0, units: 0)

    init(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count, let nl = memchr(base + offset, 0x0A, bytes.count - offset) {
            offset = base.distance(to: UnsafeRawPointer(nl)) + 1
            starts.append(offset)
        }
    }

    /// The bytes of 1-based `line`, without its newline.
    func bytes(ofLine line: Int, in bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let start = starts[line - 1]
        let end = line < starts.count ? starts[line] - 1 : bytes.count
        return UnsafeRawBufferPointer(rebasing: bytes[start..<max(start, end)])
    }

    /// The byte offset of 1-based `line` and `column`.
    func offset(line: Int, column: Int) -> Int { starts[line - 1] + column - 1 }

    func position(of offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, offset - starts[lo] + 1)
    }

    /// The span of the bytes `range` (not empty), in bytes and in UTF-16 code units.
    mutating func span(of range: Range<Int>, in bytes: UnsafeRawBufferPointer) -> SourceSpan {
        let (line, column) = position(of: range.lowerBound)
        let (endLine, endColumn) = position(of: max(range.lowerBound, range.upperBound - 1))
        let utf16Column = units(to: range.lowerBound, lineStart: starts[line - 1], in: bytes) + 1
        let utf16End = units(to: max(range.lowerBound, range.upperBound), lineStart: starts[endLine - 1], in: bytes) + 1
        return SourceSpan(
            line: line, column: column, endLine: endLine, endColumn: endColumn, utf16Column: utf16Column, utf16EndColumn: utf16End)
    }

    /// UTF-16 code units from `lineStart` to `offset`: every byte that starts a UTF-8 sequence is one
    /// unit, a four-byte one (outside the BMP) two. Exact for UTF-8; an invalid byte counts as what a
    /// viewer shows for it, at most one replacement character.
    private mutating func units(to offset: Int, lineStart: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var from = lineStart, units = 0
        if cursor.lineStart == lineStart && cursor.offset <= offset { (from, units) = (cursor.offset, cursor.units) }
        for i in from..<min(offset, bytes.count) {
            let b = bytes[i]
            if b & 0xC0 != 0x80 { units += 1 }
            if b >= 0xF0 { units += 1 }
        }
        cursor = (lineStart, offset, units)
        return units
    }
}
