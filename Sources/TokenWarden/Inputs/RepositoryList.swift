import Foundation

/// `scan --repos FILE`: the repositories of an org-wide audit, one local path or clone URL a line
/// (`#` comment lines and blank lines ignored). A line that cannot name a repository is an error
/// naming `FILE:LINE`; a repository that turns out unreachable is a counted skip (the audit's exit
/// status is then 2).
public struct RepositoryList: Sendable, Equatable {
    /// Where one repository is.
    public enum Location: Sendable, Equatable {
        /// A directory on this machine: a work tree or a bare repository, scanned in place.
        case local(String)
        /// A URL to clone (https, ssh, file), into a temporary directory removed after the scan.
        case clone(String)
    }

    public struct Entry: Sendable, Equatable {
        public var line: Int
        public var location: Location
        /// What findings' paths start with (`label/path`): the line as written, less any password in a URL.
        public var label: String
    }

    /// Transports a listed URL may use. Never `ext::` (it runs a command), nor unencrypted `git://`/`http://`.
    public static let transports: Set<String> = ["https", "ssh", "file"]
    /// `git://`, the git daemon's protocol: a transport's name (as `protocol.<name>.allow` spells it), not the program.
    static let gitDaemonProtocol = "git"
    /// Far beyond any organisation's list; a larger file is refused unread.
    static let maxBytes = 8 << 20

    /// The list file's absolute path.
    public let file: String
    public let entries: [Entry]
    /// SHA-256 of the file's bytes: every shard reads the same list.
    public let digest: String

    /// Reads and checks the list at `path`.
    public init(reading path: String) throws {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let data: Data
        do { data = try BoundedFile.read(absolute, what: "the repository list", kind: "repository list", maxBytes: Self.maxBytes) } catch {
            // Errors name the file as the user wrote it.
            throw InputError("\(error)".replacingOccurrences(of: absolute, with: path))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw InputError("\(path): the repository list is not valid UTF-8")
        }
        try self.init(text: text, file: absolute, name: path)
    }

    /// Parses `text`; relative paths resolve against `file`'s directory; `name` is how errors call the file.
    init(text: String, file: String, name: String) throws {
        self.file = file
        digest = InputIdentity.digest([text])
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent()
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = offset + 1
            let entry = raw.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            let parsed = try Self.entry(entry, line: line, directory: directory, at: "\(name):\(line)")
            let key: String
            switch parsed.location {
            case .local(let path): key = path
            case .clone: key = parsed.label
            }
            if let first = seen.updateValue(line, forKey: key) {
                throw InputError("\(name):\(line): '\(parsed.label)' is listed already on line \(first)")
            }
            entries.append(parsed)
        }
        self.entries = entries
    }

    static func entry(_ text: String, line: Int, directory: URL, at place: String, transports: Set<String> = transports) throws -> Entry {
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw InputError("\(place): a control character in the entry")
        }
        // An entry git would read as an option (`--upload-pack=…`) names no repository.
        if text.hasPrefix("-") { throw InputError("\(place): an entry may not start with '-'") }
        let label = text.count > 1 && text.hasSuffix("/") ? String(text.dropLast()) : text
        if let transport = transport(of: text) {
            guard transports.contains(transport) else {
                throw InputError(
                    "\(place): the '\(transport)' transport is not allowed (clone URLs use \(transports.sorted().joined(separator: ", ")))")
            }
            return Entry(line: line, location: .clone(text), label: withoutPassword(label))
        }
        let path = URL(fileURLWithPath: text, relativeTo: directory).standardizedFileURL.path
        return Entry(line: line, location: .local(path), label: label)
    }

    /// The transport git would use for `text`, or nil for a local path: `scheme://`, `transport::address`
    /// (git's remote helpers: `ext::` runs a command), or scp-like `host:path` (ssh) when a colon comes
    /// before any slash.
    static func transport(of text: String) -> String? {
        if let helper = text.range(of: "::"), !text[..<helper.lowerBound].contains("/") {
            return String(text[..<helper.lowerBound]).lowercased()
        }
        if let scheme = text.range(of: "://") { return String(text[..<scheme.lowerBound]).lowercased() }
        if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/") { return "ssh" }
        return nil
    }

    /// A URL's `user:password@` loses the password, so reports and errors never carry it; a long user
    /// name alone (`https://<token>@host/…`, as CI systems write them) is a token too.
    static func withoutPassword(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else { return url }
        let userInfo = url[scheme.upperBound..<at]
        guard !userInfo.contains("/") else { return url }
        let parts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let user = parts[0].count > maxUserNameLength ? "***" : String(parts[0])
        return url[..<scheme.upperBound] + (parts.count > 1 ? "\(user):***" : user) + url[at...]
    }

    /// The parts of a URL's user information that `withoutPassword` hides: what must never be printed.
    static func credentials(in url: String) -> [String] {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else { return [] }
        let parts = url[scheme.upperBound..<at].split(separator: ":", maxSplits: 1).map(String.init)
        return parts.enumerated().filter { $0.offset == 1 || $0.element.count > maxUserNameLength }.map(\.element)
    }

    /// `git`, `deploy`, `x-access-token` are user names; anything longer is treated as a secret.
    static let maxUserNameLength = 16
}
