import Foundation

/// A settings file read whole, but never past a size no real one reaches: a larger file is refused
/// unread (one line naming it), so a hostile checkout cannot make tokenwarden read gigabytes.
enum BoundedFile {
    /// `what` names the file in errors with its article: "the repository list"; `kind` without: "repository list".
    static func read(_ path: String, what: String, kind: String, maxBytes: Int) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw InputError("\(path): cannot read \(what)") }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxBytes + 1)) ?? Data()
        guard data.count <= maxBytes else { throw InputError("\(path): larger than \(maxBytes >> 20) MiB, too large a \(kind)") }
        return data
    }
}
