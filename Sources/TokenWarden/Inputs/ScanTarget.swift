/// One unit of scan work, produced by an input source.
public enum ScanTarget: Sendable {
    /// A file on disk, read by the worker that scans it (so reading runs in parallel too).
    case file(path: String, display: String)
    /// Bytes already in memory (standard input, a git blob).
    case blob(Blob)
}

/// A file the scan did not look at, and why. Every skip is counted and listed, never silent.
public struct Skip: Codable, Hashable, Sendable {
    public enum Reason: String, Codable, Sendable {
        case binary, tooLarge = "too-large", unreadable, symlink, notRegular = "not-a-regular-file", missing
    }
    public var path: String
    public var reason: Reason
    public var detail: String

    public init(path: String, reason: Reason, detail: String) {
        self.path = path
        self.reason = reason
        self.detail = detail
    }
}
