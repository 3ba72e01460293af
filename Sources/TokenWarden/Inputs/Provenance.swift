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
        // Archive members and decoded layers will name their parent blob here.
    }

    public var path: String
    public var source: Source

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

    public var commit: CommitRef? {
        switch source {
        case .change(let commit, _): commit
        case .history(let commit, _): commit
        case .commitMessage(let commit): commit
        case .file, .stagedBlob: nil
        }
    }

    /// The git blob id, for blobs read from git.
    public var blob: String? {
        switch source {
        case .file, .commitMessage: nil
        case .stagedBlob(let id), .change(_, let id), .history(_, let id): id
        }
    }

    /// For history blobs: the id, which reports carry (one blob, many paths and commits).
    public var historyBlob: String? {
        if case .history(_, let id) = source { return id }
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
