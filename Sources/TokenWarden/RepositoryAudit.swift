import Foundation

/// `scan --repos FILE`: the history of each listed repository (this shard's share of them, split by
/// position in the list), scanned one after another and joined into one result whose paths start
/// with the repository's label, so findings of different repositories stay apart. Verdicts (store,
/// allow list, baseline, blocking) are then taken once over the whole, with the auditor's settings:
/// a scanned repository's own config is not read, so it cannot relax its own audit.
struct RepositoryAudit {
    let list: RepositoryList
    let refs: GitHistorySource.Refs
    let stages: Pipeline.Stages

    func run(shard: Shard?, progress: ((ScanProgress, InputSelection) -> () -> Void)?) -> (ScanResult, [String]) {
        var whole = ScanResult()
        var notes: [String] = []
        for (position, entry) in list.entries.enumerated() where shard?.owns(position: position) ?? true {
            do {
                let (result, repositoryNotes) = try scan(entry, progress: progress)
                whole.absorb(result, under: entry.label)
                notes += repositoryNotes.map { "\(entry.label): \($0)" }
            } catch {
                // Unreachable, not a repository, clone refused: counted and listed, and the audit is incomplete (exit 2).
                whole.skipped.append(Skip(path: entry.label, reason: .unreadable, detail: "\(error)"))
            }
        }
        whole.findings.sort(by: Scanner.reportOrder)
        whole.skipped.sort()
        whole.errors.sort()
        whole.summary.filesSkipped = whole.skipped.count
        return (whole, notes)
    }

    private func scan(_ entry: RepositoryList.Entry, progress: ((ScanProgress, InputSelection) -> () -> Void)?) throws -> (
        ScanResult, [String]
    ) {
        var clone: RepositoryClone?
        defer { clone?.remove() }
        let directory: String
        switch entry.location {
        case .local(let path): directory = path
        case .clone(let url):
            clone = try RepositoryClone(url, label: entry.label)
            directory = clone!.path
        }
        let (result, _, notes) = try stages.scan(.history(refs: refs, repository: directory), shard: nil, progress: progress)
        return (result, notes)
    }
}

extension ScanResult {
    /// Adds `part`, one repository's result, with every path under `label/`.
    mutating func absorb(_ part: ScanResult, under label: String) {
        func prefixed(_ path: String) -> String { "\(label)/\(path)" }
        for var f in part.findings {
            let root = f.provenance.root
            f.provenance = f.provenance.replacingRoot(with: Provenance(path: prefixed(root.path), source: root.source))
            findings.append(f)
        }
        skipped += part.skipped.map { Skip(path: prefixed($0.path), reason: $0.reason, detail: $0.detail) }
        errors += part.errors.map { ScanError($0.kind, "\(label): \($0.message)", path: $0.path.map(prefixed)) }
        summary.filesScanned += part.summary.filesScanned
        summary.bytesScanned += part.summary.bytesScanned
        summary.suppressed += part.summary.suppressed
        summary.allowlisted += part.summary.allowlisted
        summary.durationMilliseconds += part.summary.durationMilliseconds
    }
}
