import Foundation

/// In a history scan a secret that stays in a file is in every later version of it, one blob per
/// commit that touched the file. Reporting each would repeat one leak dozens of times, so findings
/// from git blobs with the same rule, path and secret collapse into the oldest — the commit
/// that introduced the secret there — as a diff-based scan would report it.
public enum HistoryCollapse {
    /// `renames` (new path → old path) links a file's names, so a secret kept across a rename
    /// (with or without edits) is one finding at the commit that first added it.
    public static func apply(to result: inout ScanResult, renames: [String: String] = [:]) {
        func lineage(_ path: String) -> String {
            var name = path
            var seen: Set<String> = [path]
            while let older = renames[name], seen.insert(older).inserted { name = older }
            return name
        }
        var oldest: [String: Int] = [:]
        var keep = [Bool](repeating: true, count: result.findings.count)
        // Log position decides (dates tie after rebases and in scripted commits); the date only without it.
        // A reachable finding wins over the same secret in an unreachable object (`--all-objects`): it is
        // still exposed, and unreachable commits count their log positions apart.
        let parser = ISO8601DateFormatter()
        func age(_ f: Finding) -> (Int, Int, Double) {
            (f.isUnreachable ? 0 : 1, f.commitIndex ?? -1, -(f.date.flatMap(parser.date(from:))?.timeIntervalSince1970 ?? 0))
        }
        for (i, f) in result.findings.enumerated() where f.blob != nil {
            let key = "\(f.rule)\u{0}\(lineage(f.path))\u{0}\(f.identity ?? f.fingerprint)"
            if let j = oldest[key] {
                let older = age(f) > age(result.findings[j])
                keep[older ? j : i] = false
                if older { oldest[key] = i }
            } else {
                oldest[key] = i
            }
        }
        result.findings = result.findings.indices.filter { keep[$0] }.map { result.findings[$0] }
    }
}
