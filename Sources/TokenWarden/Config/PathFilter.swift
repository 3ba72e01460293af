/// Path globs from the config (`exclude_paths`): `*` within a path segment, `**` across segments,
/// `?` one character; a pattern without `/` matches a file or directory name at any depth,
/// as in .gitignore.
public struct PathFilter: Sendable {
    private let patterns: [(glob: String, regex: PCRE2Pattern)]

    public init(globs: [String]) throws {
        patterns = try globs.map { glob in
            do { return (glob, try PCRE2Pattern(PathFilter.regex(for: glob))) } catch {
                throw InputError("bad path glob '\(glob)': \(error)")
            }
        }
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// Whether `path` (relative, `/`-separated) matches one of the globs.
    public func matches(_ path: String, scratch: MatchScratch) -> Bool {
        var bytes = Array(path.utf8)
        return bytes.withUnsafeMutableBytes { buffer in
            patterns.contains { pattern in
                var hit = false
                try? pattern.regex.forEachMatch(in: UnsafeRawBufferPointer(buffer), scratch: scratch) { _ in
                    hit = true; return .stop
                }
                return hit
            }
        }
    }

    static func regex(for glob: String) -> String {
        var g = Substring(glob)
        while g.hasSuffix("/") { g = g.dropLast() }
        // As in .gitignore: a slash at the start or in the middle anchors the pattern at the top.
        var anchored = g.contains("/")
        if g.hasPrefix("/") { g = g.dropFirst(); anchored = true }
        if g.hasPrefix("./") { g = g.dropFirst(2) }
        var out = anchored ? "\\A" : "(?:\\A|/)"
        let chars = Array(g)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "*" {
                if i + 1 < chars.count && chars[i + 1] == "*" {
                    if i + 2 < chars.count && chars[i + 2] == "/" { out += "(?:.*/)?"; i += 3 } else { out += ".*"; i += 2 }
                    continue
                }
                out += "[^/]*"
            } else if c == "?" {
                out += "[^/]"
            } else if "\\.^$|()[]{}+".contains(c) {
                out += "\\" + String(c)
            } else {
                out += String(c)
            }
            i += 1
        }
        // A directory pattern also excludes everything below it.
        return out + "(?:/|\\z)"
    }
}
