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
        /// `--all-objects`: the walk of the unreachable commits, holding only the blobs this listing
        /// does not. Kept as its own listing, so its commits count their log positions apart and
        /// its introductions are known to be unreachable without a flag on every blob.
        private var unreachableWalk: UnreachableWalk?

        private final class UnreachableWalk: Sendable {
            let listing: Listing
            init(_ listing: Listing) { self.listing = listing }
        }

        /// The number of unique blobs seen (unreachable ones included).
        var blobCount: Int { origins.count + otherOrigins.count + (unreachableWalk?.listing.blobCount ?? 0) }

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

        /// Adds the listing of the unreachable commits (`--all-objects`), walked skipping every blob
        /// this one holds: its introductions are reported unreachable, and its renames count where
        /// this listing has none for the path.
        mutating func addUnreachable(_ walked: Listing) {
            precondition(unreachableWalk == nil && walked.unreachableWalk == nil, "one unreachable walk per history")
            unreachableWalk = UnreachableWalk(walked)
        }

        /// Whether `blob` (hex) was seen, reachable or not.
        func contains<Hex: Collection<UInt8>>(blob hex: Hex) -> Bool {
            if let id = ObjectID(hex: hex) {
                if origins[id] != nil { return true }
            } else if otherOrigins[String(decoding: hex, as: UTF8.self)] != nil {
                return true
            }
            return unreachableWalk?.listing.contains(blob: hex) ?? false
        }

        /// Where `blob` was introduced: the provenance its findings are reported with.
        func introduction(of blob: String) -> Provenance? {
            guard let origin = ObjectID(blob).flatMap({ origins[$0] }) ?? otherOrigins[blob] else {
                return unreachableWalk?.listing.introduction(of: blob)?.unreachable
            }
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
            if let walked = unreachableWalk?.listing { byPath.merge(walked.renames) { kept, _ in kept } }
            return byPath
        }
    }
}
