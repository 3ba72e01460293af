/// Something that kept a scan from seeing everything it was asked to: the scan is incomplete
/// (exit 2). Reports carry its one-line message; the kind says which stage failed.
public struct ScanError: Error, Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public enum Kind: String, Hashable, Sendable {
        /// git failed while streaming the input (a corrupt object, a bad range).
        case git
        /// A rule's regex could not compile, or hit a PCRE2 limit in a file.
        case rule
        /// Another input could not be read while it streamed.
        case input
        /// Read back from a report (`merge`), where only the message is kept.
        case reported
    }

    public var kind: Kind
    /// The file it concerns, when there is one.
    public var path: String?
    /// One line, as reports show it.
    public var message: String

    public init(_ kind: Kind, _ message: String, path: String? = nil) {
        self.kind = kind
        self.message = ControlCharacters.escaped(message)
        self.path = path
    }

    public var description: String { message }

    public static func < (a: ScanError, b: ScanError) -> Bool { a.message < b.message }

    // Reports hold the message alone (the JSON schema's `errors` is a list of strings).
    public init(from decoder: Decoder) throws {
        self.init(.reported, try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(message)
    }
}
