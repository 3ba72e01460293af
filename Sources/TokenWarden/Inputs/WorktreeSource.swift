#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the paths a user names into scan targets: a git work tree lists its tracked and
/// untracked-but-not-ignored files (`git ls-files -co --exclude-standard`); a plain directory (or
/// one git ignores) is walked without following symlinks, skipping `.git`; a file is itself.
public enum WorktreeSource {
    public static func targets(for paths: [String]) throws -> (targets: [ScanTarget], skipped: [Skip]) {
        var targets: [ScanTarget] = []
        var skipped: [Skip] = []
        for path in paths {
            var st = stat()
            guard lstat(path, &st) == 0 else {
                throw InputError("\(path): \(FileReader.errorText())")
            }
            if (st.st_mode & S_IFMT) == S_IFLNK {
                // A path named on the command line is followed even when it is a symlink: the user asked.
                guard let resolved = realpath(path, nil) else { throw InputError("\(path): \(FileReader.errorText())") }
                defer { free(resolved) }
                var target = stat()
                if stat(resolved, &target) == 0 && (target.st_mode & S_IFMT) == S_IFDIR {
                    throw InputError("\(path): a symbolic link to a directory; name the directory itself")
                }
                let bytes = UnsafeRawBufferPointer(start: resolved, count: strlen(resolved))
                targets.append(.file(path: Array(bytes), display: display(path)))
                continue
            }
            if (st.st_mode & S_IFMT) != S_IFDIR {
                targets.append(.file(path: Array(path.utf8), display: display(path)))
                continue
            }
            let dir = Array(path.utf8)
            // A directory git ignores is walked as a plain directory: naming it says "scan this".
            if let top = Git.workTreeRoot(of: path), (try? Git.run(["check-ignore", "-q", "."], in: path)) == nil {
                // git lists paths relative to the named directory — or, when GIT_DIR/GIT_WORK_TREE
                // put the work tree elsewhere, relative to its top, which is then what we scan.
                let outside = !isInside(path, top)
                let base = outside ? Array(top.utf8) : dir
                let listed = try Git.run(["ls-files", "-z", "-co", "--exclude-standard"], in: outside ? top : path)
                for rel in Set(listed.split(separator: 0).map(Array.init)).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                    let full = join(base, rel)
                    targets.append(.file(path: full, display: display(outside ? rel : full)))
                }
            } else {
                walk(dir, into: &targets, skipped: &skipped)
            }
        }
        return (targets, skipped)
    }

    /// Whether `path` (resolved) is `top` or below it.
    private static func isInside(_ path: String, _ top: String) -> Bool {
        guard let resolved = realpath(path, nil) else { return true }
        defer { free(resolved) }
        let real = String(cString: resolved)
        return real == top || real.hasPrefix(top.hasSuffix("/") ? top : top + "/")
    }

    static func join(_ dir: [UInt8], _ name: [UInt8]) -> [UInt8] {
        if dir == [UInt8(ascii: ".")] { return name }
        return dir.last == UInt8(ascii: "/") ? dir + name : dir + [UInt8(ascii: "/")] + name
    }

    /// The path for reports: `./` dropped; bytes that are not UTF-8 shown as U+FFFD.
    static func display(_ path: [UInt8]) -> String {
        var p = path[...]
        while p.starts(with: [UInt8(ascii: "."), UInt8(ascii: "/")]) { p = p.dropFirst(2) }
        return String(decoding: p, as: UTF8.self)
    }

    static func display(_ path: String) -> String { display(Array(path.utf8)) }

    /// Depth-first walk by `readdir`; symlinks are recorded as skipped, never followed, so loops cannot occur.
    private static func walk(_ dir: [UInt8], into targets: inout [ScanTarget], skipped: inout [Skip]) {
        guard
            let handle = (dir + [0]).withUnsafeBufferPointer({ b in
                b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { opendir($0) }
            })
        else {
            skipped.append(Skip(path: display(dir), reason: .unreadable, detail: FileReader.errorText()))
            return
        }
        var names: [[UInt8]] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            if name != [0x2E] && name != [0x2E, 0x2E] && name != Array(".git".utf8) { names.append(name) }
        }
        closedir(handle)
        for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let full = join(dir, name)
            var st = stat()
            let ok = (full + [0]).withUnsafeBufferPointer { b in
                b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { lstat($0, &st) == 0 }
            }
            guard ok else {
                skipped.append(Skip(path: display(full), reason: .unreadable, detail: FileReader.errorText()))
                continue
            }
            switch st.st_mode & S_IFMT {
            case S_IFDIR: walk(full, into: &targets, skipped: &skipped)
            case S_IFREG: targets.append(.file(path: full, display: display(full)))
            case S_IFLNK: skipped.append(Skip(path: display(full), reason: .symlink, detail: "symbolic link (not followed)"))
            default: skipped.append(Skip(path: display(full), reason: .notRegular, detail: "not a regular file"))
            }
        }
    }
}
