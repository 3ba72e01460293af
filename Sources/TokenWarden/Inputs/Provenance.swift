/// Where a blob's bytes came from: a file path, and for git inputs the commit that introduced them.
public struct Provenance: Codable, Hashable, Sendable {
    public var path: String
    public var commit: String?
    public var author: String?
    public var email: String?
    public var date: String?
    /// The git blob id, for blobs read from git.
    public var blob: String?
    /// For history: the commit's position in the scanned log, newest first (larger is older).
    public var commitIndex: Int?

    public init(path: String, commit: String? = nil, author: String? = nil, email: String? = nil, date: String? = nil, blob: String? = nil) {
        self.path = path
        self.commit = commit
        self.author = author
        self.email = email
        self.date = date
        self.blob = blob
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
