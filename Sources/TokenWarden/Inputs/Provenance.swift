/// The commit a change or blob belongs to, as git reports it.
public struct CommitRef: Hashable, Sendable {
    public var id: String
    public var author: String
    public var email: String
    /// Author date, ISO 8601.
    public var date: String
    /// For history: the commit's position in the scanned log, newest first (larger is older).
    public var index: Int?

    public init(id: String, author: String, email: String, date: String, index: Int? = nil) {
        self.id = id
        self.author = author
        self.email = email
        self.date = date
        self.index = index
    }
}

/// Where a blob's bytes came from: the path they are known by, and what holds them.
public struct Provenance: Hashable, Sendable {
    public enum Source: Hashable, Sendable {
        /// A file on disk, or standard input.
        case file
        /// A blob of the index (staged changes).
        case stagedBlob(id: String)
        /// A blob a commit of a range changed (`--diff`, `--since`).
        case change(CommitRef, blob: String)
        /// A unique blob of the history, with the commit that introduced it where known.
        case history(CommitRef?, blob: String)
        /// A commit's message (with its trailers), in history and range modes.
        case commitMessage(CommitRef)
        /// A file inside an archive (zip, tar, gzip); the provenance's path is `parent.path!member`.
        indirect case archiveMember(parent: Provenance, member: String)
        /// Bytes decoded from a run of the parent (base64, hex, percent, escapes): findings in them
        /// point at the encoded run in the parent, whose path they keep.
        indirect case decoded(parent: Provenance, encoding: String)
    }

    public var path: String
    public var source: Source
    /// `--all-objects`: no ref or reflog reaches the object — a commit force-pushed or reset away, a
    /// dropped stash, a dangling blob. Set on the git object's provenance (members and layers ask `root`).
    public var isUnreachable = false

    /// The path a commit message's findings are reported at (it has no file).
    public static let commitMessagePath = "<commit message>"

    /// Where a commit's message comes from: git reads it as the commit object, by the commit id.
    static func message(of commit: CommitRef) -> Provenance {
        Provenance(path: commitMessagePath, source: .commitMessage(commit))
    }

    public init(path: String, source: Source = .file) {
        self.path = path
        self.source = source
    }

    /// The same, found only in the object database (`--all-objects`).
    var unreachable: Provenance {
        var copy = self
        copy.isUnreachable = true
        return copy
    }

    /// Separates an archive's path from a member's path: `dist/app.jar!config/application.properties`.
    public static let memberSeparator = "!"

    /// A member of the archive this provenance names.
    public func member(_ name: String) -> Provenance {
        Provenance(path: path + Provenance.memberSeparator + name, source: .archiveMember(parent: self, member: name))
    }

    /// A layer decoded from this blob with `encoding` (e.g. `base64`).
    public func decoded(_ encoding: String) -> Provenance {
        Provenance(path: path, source: .decoded(parent: self, encoding: encoding))
    }

    /// The provenance of the file or git blob that holds this one (itself, unless it is an archive
    /// member or a decoded layer).
    public var root: Provenance {
        switch source {
        case .archiveMember(let parent, _), .decoded(let parent, _): parent.root
        default: self
        }
    }

    /// The same member path and decoding layers, held by `newRoot` (history attribution moves
    /// a blob's findings to the commit that introduced it).
    public func replacingRoot(with newRoot: Provenance) -> Provenance {
        switch source {
        case .archiveMember(let parent, let member): parent.replacingRoot(with: newRoot).member(member)
        case .decoded(let parent, let encoding): parent.replacingRoot(with: newRoot).decoded(encoding)
        default: newRoot
        }
    }

    /// How the bytes were decoded, outermost first (`base64>hex`); nil for bytes as stored.
    /// The chain stops at an archive member: a member is stored bytes, not a decoding.
    public var decoding: String? {
        guard case .decoded(let parent, let encoding) = source else { return nil }
        return parent.decoding.map { "\($0)>\(encoding)" } ?? encoding
    }

    public var commit: CommitRef? {
        switch source {
        case .change(let commit, _): commit
        case .history(let commit, _): commit
        case .commitMessage(let commit): commit
        case .file, .stagedBlob: nil
        case .archiveMember(let parent, _), .decoded(let parent, _): parent.commit
        }
    }

    /// The git blob id, for blobs read from git (for members and layers: the blob that holds them).
    public var blob: String? {
        switch source {
        case .file, .commitMessage: nil
        case .stagedBlob(let id), .change(_, let id), .history(_, let id): id
        case .archiveMember(let parent, _), .decoded(let parent, _): parent.blob
        }
    }

    /// For history blobs: the id, which reports carry (one blob, many paths and commits).
    public var historyBlob: String? {
        if case .history(_, let id) = root.source { return id }
        return nil
    }
}

/// Bytes to scan plus where they came from. Inputs produce blobs; the matcher never sees git or files.
public struct Blob: Sendable {
    public var bytes: [UInt8]
    public var provenance: Provenance
    /// For diff inputs: the line number (1-based) of each line the change added; `nil` means every line counts.
    public var addedLines: Set<Int>?

    public init(bytes: [UInt8], provenance: Provenance, addedLines: Set<Int>? = nil) {
        self.bytes = bytes
        self.provenance = provenance
        self.addedLines = addedLines
    }
}
