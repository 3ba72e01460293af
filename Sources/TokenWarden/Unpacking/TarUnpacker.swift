/// POSIX ustar archives (GNU long names and pax `path` records included), parsed by hand:
/// 512-byte headers, each followed by its data padded to 512 bytes.
enum TarUnpacker {
    static let block = 512

    /// The ustar magic at offset 257 (`ustar\0` POSIX, `ustar  ` GNU) and a valid header checksum.
    static func isTar(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= block, bytes[257..<262].elementsEqual("ustar".utf8) else { return false }
        return checksumHolds(bytes, at: 0)
    }

    static func unpack(_ bytes: [UInt8], budget: ArchiveBudget, emit: (ArchiveItem) -> Void) {
        var offset = 0, entries = 0
        var longName: String?
        while offset + block <= bytes.count {
            if bytes[offset..<offset + block].allSatisfy({ $0 == 0 }) { return }
            guard checksumHolds(bytes, at: offset), let size = number(bytes, offset + 124, 12) else {
                return emit(.skipped(name: nil, reason: .corrupt, detail: "bad tar header at offset \(offset)"))
            }
            let start = offset + block
            guard size <= bytes.count - start else {
                return emit(.skipped(name: nil, reason: .corrupt, detail: "truncated tar archive at offset \(offset)"))
            }
            offset = start + (size + block - 1) / block * block
            let data = bytes[start..<start + size]
            switch bytes[start - block + 156] {
            case UInt8(ascii: "L"):
                longName = text(data)
                continue
            case UInt8(ascii: "x"):
                longName = paxPath(data) ?? longName
                continue
            case 0, UInt8(ascii: "0"), UInt8(ascii: "7"):
                break
            default:
                // Directories, links, devices, global pax headers: nothing to scan.
                longName = nil
                continue
            }
            entries += 1
            if entries > budget.limits.maxEntries { return emit(budget.entriesExceeded) }
            let name = longName ?? headerName(bytes, at: start - block)
            longName = nil
            if let refusal = budget.refusal(size: size, packed: nil) {
                emit(.skipped(name: refusal.stop ? nil : name, reason: refusal.reason, detail: refusal.detail))
                if refusal.stop { return }
                continue
            }
            budget.spend(size)
            emit(.member(name: name, bytes: Array(data)))
        }
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// `prefix/name` of a ustar header.
    private static func headerName(_ bytes: [UInt8], at header: Int) -> String {
        let name = text(bytes[header..<header + 100])
        let prefix = text(bytes[header + 345..<header + 500])
        return prefix.isEmpty ? name : prefix + "/" + name
    }

    /// The `path=` record of a pax extended header (`"%d path=%s\n"` records).
    private static func paxPath(_ data: ArraySlice<UInt8>) -> String? {
        for record in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let space = record.firstIndex(of: " ") else { continue }
            let field = record[record.index(after: space)...]
            if field.hasPrefix("path=") { return String(field.dropFirst(5)) }
        }
        return nil
    }

    /// An octal field (NUL/space padded), or GNU base-256 (high bit set).
    private static func number(_ bytes: [UInt8], _ at: Int, _ length: Int) -> Int? {
        let field = bytes[at..<at + length]
        if let first = field.first, first & 0x80 != 0 {
            var v = Int(first & 0x7F)
            for b in field.dropFirst() {
                guard v < Int.max >> 8 else { return nil }
                v = v << 8 | Int(b)
            }
            return v
        }
        var v = 0, digits = 0
        for b in field {
            if b == 0 || b == 0x20 {
                if digits > 0 { break } else { continue }
            }
            guard b >= 0x30 && b <= 0x37, v < Int.max >> 3 else { return nil }
            v = v << 3 | Int(b - 0x30)
            digits += 1
        }
        return v
    }

    /// The header's checksum: the sum of its bytes with the checksum field read as spaces.
    private static func checksumHolds(_ bytes: [UInt8], at header: Int) -> Bool {
        guard let stored = number(bytes, header + 148, 8) else { return false }
        var sum = 0
        for i in header..<header + block { sum += (i >= header + 148 && i < header + 156) ? 0x20 : Int(bytes[i]) }
        return sum == stored
    }
}
