import CSystemZlib

/// gzip files, inflated with the system zlib. A gzip holding a tar (`.tgz`, `.tar.gz`) yields the
/// tar's members directly (`backup.tgz!etc/app.conf`); any other holds one member, named by the
/// gzip header or the file name without `.gz`.
enum GzipUnpacker {
    static let chunk = 64 * 1024

    static func unpack(_ bytes: [UInt8], path: String, budget: ArchiveBudget, emit: (ArchiveItem) -> Void) {
        var isTar = false, looked = false
        let outcome = inflate(bytes) { produced, consumed, prefix in
            if produced >= TarUnpacker.block, !looked {
                looked = true
                isTar = TarUnpacker.isTar(prefix)
            }
            if budget.exceedsRatio(produced, consumed) {
                return (
                    .archiveLimit, "compression ratio over \(budget.limits.maxRatio):1 (\(produced)+ bytes from \(consumed)): a gzip bomb?"
                )
            }
            if isTar ? produced > budget.remaining : produced > budget.maxMemberSize {
                return isTar
                    ? (budget.totalReached.reason, budget.totalReached.detail)
                    : (.tooLarge, "more than --max-file-size \(budget.maxMemberSize) bytes uncompressed")
            }
            return nil
        }
        switch outcome {
        case .failure(let skip):
            emit(.skipped(name: nil, reason: skip.reason, detail: skip.detail))
        case .success(let data):
            if TarUnpacker.isTar(data) {
                TarUnpacker.unpack(data, budget: budget, emit: emit)
            } else {
                budget.spend(data.count)
                emit(.member(name: memberName(bytes, path: path), bytes: data))
            }
        }
    }

    struct Refusal: Error {
        var reason: Skip.Reason
        var detail: String
    }

    /// Inflates every gzip member in `bytes`; `check(produced, consumed, output)` may stop it with a reason.
    static func inflate(
        _ bytes: [UInt8], check: (Int, Int, [UInt8]) -> (reason: Skip.Reason, detail: String)?
    ) -> Result<[UInt8], Refusal> {
        var stream = z_stream()
        // 15 + 32: a zlib or gzip header, detected.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failure(Refusal(reason: .corrupt, detail: "zlib could not start"))
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: chunk)
        return bytes.withUnsafeBufferPointer { input -> Result<[UInt8], Refusal> in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            while true {
                let status = buffer.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return CSystemZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk - Int(stream.avail_out)
                output += buffer[0..<produced]
                let consumed = input.count - Int(stream.avail_in)
                if let refusal = check(output.count, consumed, output) {
                    return .failure(Refusal(reason: refusal.reason, detail: refusal.detail))
                }
                switch status {
                case Z_STREAM_END:
                    // Concatenated members (`cat a.gz b.gz`) are one file.
                    guard stream.avail_in > 2, stream.next_in[0] == 0x1F, stream.next_in[1] == 0x8B else { return .success(output) }
                    guard inflateReset(&stream) == Z_OK else { return .success(output) }
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    return .failure(Refusal(reason: .corrupt, detail: "truncated gzip stream"))
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    return .failure(Refusal(reason: .corrupt, detail: "gzip stream does not inflate (\(message))"))
                }
            }
        }
    }

    /// FNAME from the gzip header when set, else the file's name without `.gz` (`.tgz` → `.tar`).
    static func memberName(_ bytes: [UInt8], path: String) -> String {
        if bytes.count > 10, bytes[3] & 0x08 != 0 {
            var i = 10
            if bytes[3] & 0x04 != 0, bytes.count > 12 { i += 2 + (Int(bytes[10]) | Int(bytes[11]) << 8) }
            if i < bytes.count, let end = bytes[i...].firstIndex(of: 0), end > i {
                let name = String(decoding: bytes[i..<end], as: UTF8.self)
                if let base = name.split(separator: "/").last { return String(base) }
            }
        }
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let lower = base.lowercased()
        if lower.hasSuffix(".tgz") { return String(base.dropLast(4)) + ".tar" }
        if lower.hasSuffix(".gz") { return String(base.dropLast(3)) }
        return base
    }
}
