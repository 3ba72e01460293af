#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the paths a user names into scan targets: a git work tree lists its tracked and
/// untracked-but-not-ignored files (`git ls-files -co --exclude-standard`); a plain directory is
/// walked without following symlinks, skipping `.git`; a file is itself.
public enum WorktreeSource {
    public static func targets(for paths: [String]) throws -> (targets: [ScanTarget], skipped: [Skip]) {
        var targets: [ScanTarget] = []
        var skipped: [Skip] = []
        for path in paths {
            var st = stat()
            guard lstat(path, &st) == 0 else {
                throw InputError("\(path): \(FileReader.errorText())")
            }
            if (st.st_mode & S_IFMT) != S_IFDIR {
                // A path named on the command line is scanned even when it is a symlink: the user asked.
                targets.append(.file(path: path, display: display(path)))
                continue
            }
            if Git.workTreeRoot(of: path) != nil {
                let listed = Git.splitNUL(try Git.run(["ls-files", "-z", "-co", "--exclude-standard"], in: path))
                for rel in Set(listed).sorted() {
                    let full = join(path, rel)
                    targets.append(.file(path: full, display: display(full)))
                }
            } else {
                walk(path, into: &targets, skipped: &skipped)
            }
        }
        return (targets, skipped)
    }

    static func join(_ dir: String, _ name: String) -> String {
        if dir == "." { return name }
        return dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }

    static func display(_ path: String) -> String {
        var p = path
        while p.hasPrefix("./") { p.removeFirst(2) }
        return p
    }

    /// Depth-first walk by `readdir`; symlinks are recorded as skipped, never followed, so loops cannot occur.
    private static func walk(_ dir: String, into targets: inout [ScanTarget], skipped: inout [Skip]) {
        guard let handle = opendir(dir) else {
            skipped.append(Skip(path: display(dir), reason: .unreadable, detail: FileReader.errorText()))
            return
        }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." && name != ".git" { names.append(name) }
        }
        closedir(handle)
        for name in names.sorted() {
            let full = join(dir, name)
            var st = stat()
            guard lstat(full, &st) == 0 else {
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
