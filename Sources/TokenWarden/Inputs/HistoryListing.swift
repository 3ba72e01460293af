extension GitHistorySource {
    /// What listing the history found besides the blobs themselves: where each unique blob was
    /// introduced (its oldest sighting) and the renames seen. Memory grows with unique blobs only
    /// by a 20-byte id and two 32-bit indices each (`BlobTable`); commits and paths are interned.
    struct Listing: Sendable {
        /// A blob's oldest sighting: a commit position and an interned path.
        struct Origin: Sendable {
            /// `CommitTable` position, or `Origin.noCommit`.
            var commit: UInt32
            var path: UInt32
            static let noCommit = UInt32.max
        }

        private(set) var commits = CommitTable()
        private(set) var paths = StringTable()
        private var origins = BlobTable<Origin>()
        /// Ids that are not SHA-1 (SHA-256 repositories), by their text.
        private var otherOrigins: [String: Origin] = [:]
        /// New path → old path (interned), the first rename seen of each path.
        private var renameIndices: [UInt32: UInt32] = [:]

        /// The number of unique blobs seen.
        var blobCount: Int { origins.count + otherOrigins.count }

        mutating func addCommit(_ commit: CommitRef) -> UInt32 { commits.append(commit) }

        mutating func intern(path: String) -> UInt32 { paths.intern(path) }

        /// Records that `blob` (hex) is in `origin`, which is older than every sighting before it;
        /// true when the blob had not been seen.
        mutating func sight(blob hex: ArraySlice<UInt8>, at origin: Origin) -> Bool {
            if let id = ObjectID(hex: hex) { return origins.update(origin, for: id) }
            return otherOrigins.updateValue(origin, forKey: String(decoding: hex, as: UTF8.self)) == nil
        }

        mutating func addRename(from old: UInt32, to new: UInt32) {
            if old != new, renameIndices[new] == nil { renameIndices[new] = old }
        }

        /// Where `blob` was introduced: the provenance its findings are reported with.
        func introduction(of blob: String) -> Provenance? {
            guard let origin = ObjectID(blob).flatMap({ origins[$0] }) ?? otherOrigins[blob] else { return nil }
            return provenance(blob: blob, at: origin)
        }

        func provenance(blob: String, at origin: Origin) -> Provenance {
            let commit = origin.commit == Origin.noCommit ? nil : commits[origin.commit]
            return Provenance(path: paths[origin.path], source: .history(commit, blob: blob))
        }

        /// Renames seen, new path → old path, so a secret kept across a rename is one finding.
        var renames: [String: String] {
            var byPath: [String: String] = [:]
            for (new, old) in renameIndices { byPath[paths[new]] = paths[old] }
            return byPath
        }
    }
}
