import Foundation
import Synchronization

/// Settings for one scan.
public struct ScanOptions: Sendable {
    /// Files and blobs larger than this are skipped (and counted): the one default, 10 MiB.
    public static let defaultMaxFileSize = 10 * 1024 * 1024
    public var maxFileSize: Int = ScanOptions.defaultMaxFileSize
    public var showSecrets = false
    /// Registered tokens, for store-driven detection.
    public var store: StoreIndex?
    /// Keys published fingerprints (reports, baselines).
    public var fingerprintKey: FingerprintKey?
    /// Secrets matching these are allow-listed (config `allow.secrets`).
    public var allowSecrets: [PCRE2Pattern] = []
    /// Paths never scanned (config `exclude_paths`).
    public var exclude: PathFilter?
    public var workers: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Zip-bomb limits for archives (zip, tar, gzip).
    public var archives = ArchiveLimits()
    /// How deep and how much encoded text (base64, hex, percent, escapes) is decoded and scanned again.
    public var decoding = DecodeLimits()
    /// `scan --verify`: keep each finding's `Neighbourhood` for its live check.
    public var keepNeighbourhoods = false

    public init() {}
}

/// The pipeline: targets → bytes → matcher → findings, on every core.
public struct Scanner: Sendable {
    public let ruleSet: RuleSet
    public let options: ScanOptions

    public init(ruleSet: RuleSet, options: ScanOptions) {
        self.ruleSet = ruleSet
        self.options = options
    }

    public func scan(_ targets: [ScanTarget], preSkipped: [Skip] = [], progress: ScanProgress? = nil) -> ScanResult {
        scan(TargetList(targets), preSkipped: preSkipped, progress: progress)
    }

    /// Scans everything `stream` hands out, on `options.workers` threads.
    public func scan(_ stream: TargetStream, preSkipped: [Skip] = [], progress: ScanProgress? = nil) -> ScanResult {
        let start = DispatchTime.now()
        let workers = max(1, min(options.workers, stream.total ?? options.workers))
        let partials = LockedBox<[ScanResult]>([])
        let matchOptions = MatchOptions(store: options.store, allowSecrets: options.allowSecrets)
        let builder = FindingBuilder(ruleSet: ruleSet, showSecrets: options.showSecrets, fingerprintKey: options.fingerprintKey)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let matcher = Matcher(ruleSet: ruleSet, options: matchOptions)
            var local = ScanResult()
            while let target = stream.next() {
                let bytesBefore = local.summary.bytesScanned
                process(target, matcher: matcher, builder: builder, into: &local)
                progress?.advance(bytes: local.summary.bytesScanned - bytesBefore)
            }
            partials.update { $0.append(local) }
        }
        var result = ScanResult()
        result.skipped = preSkipped
        for part in partials.value {
            result.findings += part.findings
            result.skipped += part.skipped
            result.errors += part.errors
            result.summary.filesScanned += part.summary.filesScanned
            result.summary.bytesScanned += part.summary.bytesScanned
            result.summary.suppressed += part.summary.suppressed
            result.summary.allowlisted += part.summary.allowlisted
        }
        result.findings.sort(by: Scanner.reportOrder)
        result.skipped.sort()
        result.errors = Array(Set(result.errors)).sorted()
        result.summary.filesSkipped = result.skipped.count
        result.summary.durationMilliseconds = Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
        return result
    }

    /// Stable report order: path, position, rule.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        (a.path, a.line, a.column, a.rule, a.commit ?? "") < (b.path, b.line, b.column, b.rule, b.commit ?? "")
    }

    /// What one worker scans with.
    private struct Work {
        let matcher: Matcher
        let builder: FindingBuilder
    }

    private func process(_ target: ScanTarget, matcher: Matcher, builder: FindingBuilder, into result: inout ScanResult) {
        let blob: Blob
        switch target {
        case .skipped(let skip):
            result.skipped.append(skip)
            return
        case .blob(let b):
            blob = b
        case .file(let path, let display):
            switch FileReader.load(path, maxSize: options.maxFileSize) {
            case .skip(let reason, let detail):
                result.skipped.append(Skip(path: display, reason: reason, detail: detail))
                return
            case .bytes(let bytes):
                blob = Blob(bytes: bytes, provenance: Provenance(path: display))
            }
        }
        scan(blob, work: Work(matcher: matcher, builder: builder), nesting: 0, budget: nil, into: &result)
    }

    /// Scans one blob: an archive is unpacked and its members scanned, a keystore is one finding,
    /// text is matched and then its encoded runs decoded and matched. Returns false for a binary
    /// blob, which is a skip unless `countBinary` (archive members: the archive counts them).
    @discardableResult
    private func scan(
        _ blob: Blob, work: Work, nesting: Int, budget: ArchiveBudget?, countBinary: Bool = false, into result: inout ScanResult
    ) -> Bool {
        var blob = blob
        // Archives and keystores are binary: they are recognised before the binary check.
        if let format = ArchiveFormat.detect(blob.bytes) {
            unpack(blob, format: format, work: work, nesting: nesting, budget: budget, into: &result)
            return true
        }
        if let keystore = KeystoreDetector.detect(blob.bytes) {
            if let finding = work.builder.finding(keystore, in: blob.provenance) { result.findings.append(finding) }
            result.summary.filesScanned += 1
            result.summary.bytesScanned += blob.bytes.count
            return true
        }
        if let utf8 = TextDecoding.utf16ToUTF8(blob.bytes) { blob.bytes = utf8 }
        if blob.bytes.count > options.maxFileSize {
            result.skipped.append(
                Skip(
                    path: blob.provenance.path, reason: .tooLarge,
                    detail: "\(blob.bytes.count) bytes > --max-file-size \(options.maxFileSize)"))
            return true
        }
        if FileReader.isBinary(blob.bytes) {
            if countBinary { return false }
            result.skipped.append(Skip(path: blob.provenance.path, reason: .binary, detail: "NUL byte in the first 8 KiB"))
            return true
        }
        let matches = work.matcher.scan(blob)
        var findings = work.builder.findings(matches.matches, in: blob.provenance)
        result.errors += matches.ruleErrors
        result.summary.suppressed += matches.suppressed
        result.summary.allowlisted += matches.allowlisted
        result.summary.filesScanned += 1
        result.summary.bytesScanned += blob.bytes.count
        if options.decoding.depth > 0 {
            let decoded = decodedFindings(in: blob, plain: matches.matches, work: work, into: &result)
            // A catch-all hit on the encoded text itself (a base64 value under `password:`) is the
            // same leak as what decoding found in it, less useful: the decoded finding stands for both.
            if !decoded.isEmpty {
                findings.removeAll { f in
                    work.builder.isGeneric(f.rule) && decoded.contains { Scanner.starts(f.match.span, inside: $0.match.span) }
                }
            }
            findings += decoded
        }
        if options.keepNeighbourhoods { Neighbourhood.attach(to: &findings, in: blob.bytes) }
        result.findings += findings
        return true
    }

    /// Scans each member of an archive as a blob named `archive!member`, within the zip-bomb limits
    /// (one budget for an archive and every archive inside it).
    private func unpack(
        _ blob: Blob, format: ArchiveFormat, work: Work, nesting: Int, budget: ArchiveBudget?, into result: inout ScanResult
    ) {
        guard nesting < options.archives.depth else {
            result.skipped.append(
                Skip(
                    path: blob.provenance.path, reason: .archiveLimit,
                    detail: "archive nested more than \(options.archives.depth) deep: not unpacked"))
            return
        }
        let budget = budget ?? ArchiveBudget(limits: options.archives, maxMemberSize: options.maxFileSize)
        result.summary.filesScanned += 1
        var members = 0, binary = 0
        format.unpack(blob.bytes, path: blob.provenance.path, budget: budget) { item in
            switch item {
            case .member(let name, let bytes):
                members += 1
                let member = Blob(bytes: bytes, provenance: blob.provenance.member(name))
                if !scan(member, work: work, nesting: nesting + 1, budget: budget, countBinary: true, into: &result) { binary += 1 }
            case .skipped(let name, let reason, let detail):
                let path = name.map { blob.provenance.member($0).path } ?? blob.provenance.path
                result.skipped.append(Skip(path: path, reason: reason, detail: detail))
            }
        }
        if binary > 0 {
            result.skipped.append(
                Skip(path: blob.provenance.path, reason: .binary, detail: "\(binary) of \(members) members binary (not scanned)"))
        }
    }

    /// Decodes the encoded runs of a text blob (layer by layer, to `options.decoding.depth`, within
    /// its byte budget) and matches each decoded layer. A match counts where it starts in decoded
    /// bytes; its span becomes the encoded run's in the blob, and one whose secret was already
    /// reported inside that run (plainly, or by a shallower layer) is dropped.
    private func decodedFindings(in blob: Blob, plain: [Match], work: Work, into result: inout ScanResult) -> [Finding] {
        var found: [Finding] = []
        var budget = options.decoding.budget(forFileOf: blob.bytes.count)
        var reported = plain
        blob.bytes.withUnsafeBytes { root in
            var pending = LayerDecoding.layers(of: root, provenance: blob.provenance, budget: &budget).map { ($0, 1) }
            guard !pending.isEmpty else { return }
            var lines = LineIndex(root)
            while !pending.isEmpty {
                let (layer, depth) = pending.removeFirst()
                let matches = layer.bytes.withUnsafeBytes { work.matcher.scan($0, path: blob.provenance.path) }
                result.errors += matches.ruleErrors
                if !matches.matches.isEmpty {
                    let layerLines = layer.bytes.withUnsafeBytes { LineIndex($0) }
                    for m in matches.matches {
                        guard let segment = layer.segment(at: layerLines.offset(line: m.span.line, column: m.span.column)) else { continue }
                        let span = lines.span(of: segment.origin, in: root)
                        if let added = blob.addedLines, !added.contains(span.line) { continue }
                        var moved = m
                        moved.span = span
                        guard !reported.contains(where: { Scanner.repeats(moved, $0, generic: work.builder.isGeneric(m.rule)) }) else {
                            continue
                        }
                        reported.append(moved)
                        if let finding = work.builder.finding(moved, in: layer.provenance) { found.append(finding) }
                    }
                }
                if depth < options.decoding.depth {
                    let deeper = layer.bytes.withUnsafeBytes {
                        LayerDecoding.layers(of: $0, provenance: layer.provenance, within: layer.segments, budget: &budget)
                    }
                    pending += deeper.map { ($0, depth + 1) }
                }
            }
        }
        if budget.exhausted {
            let limit = options.decoding.budget(forFileOf: blob.bytes.count).remaining
            result.skipped.append(
                Skip(
                    path: blob.provenance.path, reason: .decodeLimit,
                    detail: "encoded runs past the decode budget (\(limit) bytes for this file) were not decoded; its text was scanned"))
        }
        return found
    }

    /// Whether decoded match `m` (its span the encoded run's) repeats `earlier`: the same secret on
    /// the run's lines, or — for a specific rule — the same rule inside the run (a PEM key matched
    /// with its `\n` escapes and again without them).
    static func repeats(_ m: Match, _ earlier: Match, generic: Bool) -> Bool {
        if earlier.secret == m.secret { return earlier.span.line >= m.span.line && earlier.span.line <= m.span.endLine }
        return !generic && earlier.rule == m.rule && starts(earlier.span, inside: m.span)
    }

    /// Whether `span` starts within `outer`.
    static func starts(_ span: SourceSpan, inside outer: SourceSpan) -> Bool {
        let start = (span.line, span.column)
        return start >= (outer.line, outer.column) && start <= (outer.endLine, outer.endColumn)
    }
}

/// Live counters for the progress line: items done and bytes scanned, updated by every worker.
public final class ScanProgress: Sendable {
    private let doneCount = Atomic<Int>(0)
    private let byteCount = Atomic<Int>(0)
    private let stream: TargetStream

    public init(_ stream: TargetStream) { self.stream = stream }

    /// The number of items: exact once the input has listed them all, estimated before
    /// (`totalIsEstimate`), nil when neither is known.
    public var total: Int? { stream.total ?? stream.estimatedTotal }

    public var totalIsEstimate: Bool { stream.total == nil && stream.estimatedTotal != nil }

    func advance(bytes: Int) {
        doneCount.wrappingAdd(1, ordering: .relaxed)
        byteCount.wrappingAdd(bytes, ordering: .relaxed)
    }

    public var done: Int { doneCount.load(ordering: .relaxed) }
    public var bytes: Int { byteCount.load(ordering: .relaxed) }
}
