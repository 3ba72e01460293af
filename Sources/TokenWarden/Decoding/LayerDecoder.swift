/// One encoding a secret can hide under (base64, hex, percent-encoding, string escapes).
///
/// Named `LayerDecoder`, not `Decoder`: that name is Swift's `Codable` decoder, which the findings'
/// JSON coding in this module uses.
protocol LayerDecoder: Sendable {
    /// The name findings carry in their `decoded` field (`base64`).
    var name: String { get }
    /// The runs of `bytes` worth decoding, in order and not overlapping: the encoding's alphabet,
    /// at its minimum length.
    func candidates(in bytes: UnsafeRawBufferPointer) -> [Range<Int>]
    /// The decoded bytes of `run`, or nil when it does not decode. At most `limit` bytes are
    /// produced: callers decode a prefix first, to drop binary output cheaply.
    func decode(_ run: UnsafeRawBufferPointer, limit: Int) -> [UInt8]?
}

/// Decoded output is scanned only when it is text: random base64 (images, hashes, keys) decodes to
/// bytes that are mostly not printable.
enum PrintableText {
    /// At least 90% printable ASCII or whitespace, no NUL, at least 6 bytes, and valid UTF-8: text
    /// that merely holds a `%` before two hex letters (`%DB_PASSWORD%`) decodes to a stray byte.
    static func isMostlyPrintable(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 6 else { return false }
        var printable = 0
        var ascii = true
        for b in bytes {
            if b == 0 { return false }
            if (b >= 0x20 && b < 0x7F) || b == 0x0A || b == 0x0D || b == 0x09 { printable += 1 }
            if b >= 0x80 { ascii = false }
        }
        guard printable * 10 >= bytes.count * 9 else { return false }
        return ascii || String(validating: bytes, as: UTF8.self) != nil
    }
}

/// A 256-entry byte class table, for the decoders' one-pass run scans.
struct ByteTable: Sendable {
    private let table: [Bool]

    init(_ members: String) {
        var t = [Bool](repeating: false, count: 256)
        for b in members.utf8 { t[Int(b)] = true }
        table = t
    }

    init(_ predicate: (UInt8) -> Bool) {
        table = (0...255).map { predicate(UInt8($0)) }
    }

    @inline(__always) func contains(_ byte: UInt8) -> Bool { table[Int(byte)] }

    /// The next run of at least `minimum` member bytes at or after `from`: its start, and the index
    /// past the last byte known to be in it (the run may go on). Only every `minimum`th byte is read
    /// where there is no run: a run that starts before a non-member probe byte cannot reach it.
    func nextRun(in bytes: UnsafeRawBufferPointer, from: Int, minimum: Int) -> (start: Int, known: Int)? {
        var i = from
        while i + minimum <= bytes.count {
            let probe = i + minimum - 1
            guard contains(bytes[probe]) else {
                i = probe + 1
                continue
            }
            var start = probe
            while start > i && contains(bytes[start - 1]) { start -= 1 }
            return (start, probe + 1)
        }
        return nil
    }
}

/// Hex digit value, or nil.
@inline(__always) func hexValue(_ b: UInt8) -> UInt8? {
    switch b {
    case 0x30...0x39: b - 0x30
    case 0x41...0x46: b - 0x41 + 10
    case 0x61...0x66: b - 0x61 + 10
    default: nil
    }
}
