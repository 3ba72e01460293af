/// Text encodings other than UTF-8 that are still text: UTF-16 files with a byte-order mark
/// (common for Windows-edited config) are transcoded so their secrets are not skipped as binary.
///
/// A byte-order mark alone proves nothing: `FF FE` may open a Latin-1 or plain ASCII file, and
/// decoding that as UTF-16 would turn every secret into CJK characters. So the bytes are
/// transcoded only when they could not be scanned as they are — a NUL byte in the first 8 KiB,
/// which makes them binary to the scanner, and which UTF-16 text has wherever it holds an ASCII
/// character (every character a rule can match) — and when they are well-formed UTF-16: an even
/// length and no unpaired surrogate. Anything else is scanned as bytes, as before; transcoding
/// can therefore only add what a scan of the raw bytes would never see.
enum TextDecoding {
    static func utf16ToUTF8(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 2, bytes.count % 2 == 0, FileReader.isBinary(bytes) else { return nil }
        let littleEndian: Bool
        if bytes[0] == 0xFF && bytes[1] == 0xFE {
            littleEndian = true
        } else if bytes[0] == 0xFE && bytes[1] == 0xFF {
            littleEndian = false
        } else {
            return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let (lo, hi) = littleEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            units.append(UInt16(hi) << 8 | UInt16(lo))
            i += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count)
        let malformed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) { out.append($0) }
        return malformed ? nil : out
    }
}
