/// A file a change adds or modifies: its new blob and the lines the change added (new-file numbering).
struct ChangedFile: Sendable {
    var path: String
    var blob: String?
    var addedLines: Set<Int> = []
    var binary = false
    var skipMode = false  // symlink or submodule: no text to scan
    var deleted = false
}

/// Reading the commit header tokenwarden asks git for: `\x01`, then id, author, email and date
/// separated by NUL — the one byte a commit header field cannot hold (any other separator, 0x1F
/// included, can appear in a crafted author name and would lose the finding's commit).
extension CommitRef {
    static let format = "--format=%x01%H%x00%an%x00%ae%x00%aI"
    static let fieldCount = 4

    init?(fields: [ArraySlice<UInt8>]) {
        guard fields.count == CommitRef.fieldCount else { return nil }
        let parts = fields.map { String(decoding: $0, as: UTF8.self) }
        self.init(id: parts[0], author: parts[1], email: parts[2], date: parts[3])
    }

    /// Parses a whole header line (after the `\x01`).
    init?(header: ArraySlice<UInt8>) {
        self.init(fields: header.split(separator: 0, omittingEmptySubsequences: false))
    }
}

/// Reads `git diff -U0 --full-index` / `git log -p -U0 --full-index` output: for each file,
/// its new blob id and the new-side line numbers of added lines. Added text itself is not kept:
/// the whole new blob is scanned later, so rules see the context around the change.
struct PatchParser {
    private(set) var commits: [(commit: CommitRef?, files: [ChangedFile])] = []
    private var current: ChangedFile?
    /// Past the first hunk, a line starting "+++ " is added content, not the file header.
    private var inHunks = false
    /// Parents of the current file's diff: 1 for a plain diff, more for a merge's combined diff
    /// (0 until its first hunk header says how many).
    private var parents = 1
    /// In a combined diff, the result's line number of the next hunk line.
    private var nextLine = 1

    static func parse(_ reader: ByteReader) -> [(commit: CommitRef?, files: [ChangedFile])] {
        var parser = PatchParser()
        while let line = reader.read(until: 0x0A) { parser.consume(line[...]) }
        parser.flush()
        return parser.commits
    }

    private mutating func flush() {
        if let file = current {
            if commits.isEmpty { commits.append((nil, [])) }
            commits[commits.count - 1].files.append(file)
        }
        current = nil
    }

    private mutating func consume(_ line: ArraySlice<UInt8>) {
        if line.first == 0x01 {
            flush()
            commits.append((CommitRef(header: line.dropFirst()), []))
            return
        }
        if line.starts(with: "diff --git ".utf8) {
            flush()
            current = ChangedFile(path: PatchParser.pathFromDiffHeader(line.dropFirst(11)))
            inHunks = false
            parents = 1
            return
        }
        if line.starts(with: "diff --cc ".utf8) {
            // A merge's combined diff: one column per parent; the path follows unchanged (quoted when unusual).
            flush()
            current = ChangedFile(path: String(decoding: GitPathQuoting.unquote(Array(line.dropFirst(10))), as: UTF8.self))
            inHunks = false
            parents = 0
            return
        }
        guard current != nil else { return }
        if parents != 1 && line.first == UInt8(ascii: "@") {
            // @@@ -a,b -c,d +e,f @@@ — one `@` more than there are parents.
            inHunks = true
            parents = line.prefix { $0 == UInt8(ascii: "@") }.count - 1
            guard let plus = line.firstIndex(of: UInt8(ascii: "+")) else { return }
            nextLine =
                Int(String(decoding: line[(plus + 1)...].prefix { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: " ") }, as: UTF8.self)) ?? 1
        } else if parents > 1 && inHunks {
            // A line is in the merge result unless a column says it was removed; it is new in the
            // merge itself ("evil", or a conflict resolution) only when it is added against every parent.
            let columns = line.prefix(parents)
            guard columns.count == parents, !columns.contains(UInt8(ascii: "-")) else { return }
            if columns.allSatisfy({ $0 == UInt8(ascii: "+") }) { current!.addedLines.insert(nextLine) }
            nextLine += 1
        } else if line.first == UInt8(ascii: "@") {
            inHunks = true
            // @@ -a[,b] +c[,d] @@
            guard let plus = line.firstIndex(of: UInt8(ascii: "+")) else { return }
            let numbers = line[(plus + 1)...].prefix { $0 != UInt8(ascii: " ") }.split(separator: UInt8(ascii: ","))
            guard let first = numbers.first.flatMap({ Int(String(decoding: $0, as: UTF8.self)) }) else { return }
            let count = numbers.count > 1 ? Int(String(decoding: numbers[1], as: UTF8.self)) ?? 1 : 1
            if count > 0 { current!.addedLines.formUnion(first..<(first + count)) }
        } else if line.first == UInt8(ascii: "+") || line.first == UInt8(ascii: "-") || line.first == UInt8(ascii: " ") {
            if !inHunks && line.starts(with: "+++ ".utf8) {
                var raw = Array(line.dropFirst(4))
                if raw.last == 0x09 { raw.removeLast() }  // git appends a tab to names with spaces
                let path = GitPathQuoting.unquote(raw)
                if path.starts(with: "b/".utf8) { current!.path = String(decoding: path.dropFirst(2), as: UTF8.self) }
            }
        } else if inHunks {
            return
        } else if line.starts(with: "index ".utf8) {
            // index <old>..<new>[ <mode>]
            let fields = line.dropFirst(6).split(separator: UInt8(ascii: " "))
            if let ids = fields.first, let dots = ids.firstIndex(of: UInt8(ascii: ".")) {
                current!.blob = String(decoding: ids[(dots + 2)...], as: UTF8.self)
            }
            if fields.count > 1 { checkMode(fields[1]) }
        } else if line.starts(with: "new file mode ".utf8) {
            checkMode(line.dropFirst(14))
        } else if line.starts(with: "new mode ".utf8) {
            checkMode(line.dropFirst(9))
        } else if line.starts(with: "deleted file mode ".utf8) {
            current!.deleted = true
        } else if line.starts(with: "rename to ".utf8) || line.starts(with: "copy to ".utf8) {
            let raw = Array(line.drop { $0 != UInt8(ascii: " ") }.dropFirst().drop { $0 != UInt8(ascii: " ") }.dropFirst())
            current!.path = String(decoding: GitPathQuoting.unquote(raw), as: UTF8.self)
        } else if line.starts(with: "Binary files ".utf8) || line.starts(with: "GIT binary patch".utf8) {
            current!.binary = true
        }
    }

    private mutating func checkMode(_ mode: ArraySlice<UInt8>) {
        if mode.starts(with: "120000".utf8) || mode.starts(with: "160000".utf8) { current!.skipMode = true }
    }

    /// `a/P b/P` for an unrenamed file: P is the first half (quoted forms unquoted).
    static func pathFromDiffHeader(_ rest: ArraySlice<UInt8>) -> String {
        let bytes = Array(rest)
        if bytes.first == UInt8(ascii: "\""), let close = bytes.dropFirst().firstIndex(of: UInt8(ascii: "\"")) {
            let path = GitPathQuoting.unquote(Array(bytes[0...close]))
            return String(decoding: path.dropFirst(2), as: UTF8.self)
        }
        let half = (bytes.count - 1) / 2
        guard half > 2 else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes[2..<half], as: UTF8.self)
    }
}
