/// The containers tokenwarden unpacks, told by their magic bytes (never by file name: a `.jar`,
/// `.docx`, `.apk`, `.whl` or `.nupkg` is a zip; a `.tgz` is gzip holding tar).
enum ArchiveFormat {
    case zip, tar, gzip

    static func detect(_ bytes: [UInt8]) -> ArchiveFormat? {
        if bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04 { return .zip }
        if bytes.count >= 3 && bytes[0] == 0x1F && bytes[1] == 0x8B && bytes[2] == 0x08 { return .gzip }
        if TarUnpacker.isTar(bytes) { return .tar }
        return nil
    }

    /// Hands each member (or skip) of the archive in `bytes`, named `path`, to `emit`.
    func unpack(_ bytes: [UInt8], path: String, budget: ArchiveBudget, emit: (ArchiveItem) -> Void) {
        switch self {
        case .zip: ZipUnpacker.unpack(bytes, budget: budget, emit: emit)
        case .tar: TarUnpacker.unpack(bytes, budget: budget, emit: emit)
        case .gzip: GzipUnpacker.unpack(bytes, path: path, budget: budget, emit: emit)
        }
    }
}
