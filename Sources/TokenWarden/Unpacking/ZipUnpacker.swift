import Foundation
import ZIPFoundation

/// Zip archives (jar, war, ear, apk, docx, xlsx, whl, nupkg, …), read from memory with ZIPFoundation.
enum ZipUnpacker {
    private struct TooLong: Error {}

    static func unpack(_ bytes: [UInt8], budget: ArchiveBudget, emit: (ArchiveItem) -> Void) {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            emit(.skipped(name: nil, reason: .corrupt, detail: "not a readable zip archive (\(error))"))
            return
        }
        var entries = 0
        for entry in archive {
            entries += 1
            if entries > budget.limits.maxEntries { return emit(budget.entriesExceeded) }
            guard entry.type == .file else { continue }
            let name = entry.path
            let size = Int(clamping: entry.uncompressedSize)
            if let refusal = budget.refusal(size: size, packed: entry.isCompressed ? Int(clamping: entry.compressedSize) : nil) {
                emit(.skipped(name: refusal.stop ? nil : name, reason: refusal.reason, detail: refusal.detail))
                if refusal.stop { return }
                continue
            }
            var data: [UInt8] = []
            data.reserveCapacity(size)
            do {
                // The header's size is checked as the bytes come: a member that inflates past it stops there.
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    guard data.count + chunk.count <= size else { throw TooLong() }
                    data += chunk
                }
            } catch is TooLong {
                emit(.skipped(name: name, reason: .archiveLimit, detail: "inflates past the \(size) bytes its header declares"))
                continue
            } catch {
                emit(.skipped(name: name, reason: .corrupt, detail: "does not unpack (\(error))"))
                continue
            }
            budget.spend(data.count)
            emit(.member(name: name, bytes: data))
        }
    }
}
