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
        result.skipped.sort { $0.path < $1.path }
        result.errors = Array(Set(result.errors)).sorted()
        result.summary.filesSkipped = result.skipped.count
        result.summary.durationMilliseconds = Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
        return result
    }

    /// Stable report order: path, position, rule.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        (a.path, a.line, a.column, a.rule, a.commit ?? "") < (b.path, b.line, b.column, b.rule, b.commit ?? "")
    }

    private func process(_ target: ScanTarget, matcher: Matcher, builder: FindingBuilder, into result: inout ScanResult) {
        var blob: Blob
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
        if let utf8 = TextDecoding.utf16ToUTF8(blob.bytes) { blob.bytes = utf8 }
        if blob.bytes.count > options.maxFileSize {
            result.skipped.append(
                Skip(
                    path: blob.provenance.path, reason: .tooLarge,
                    detail: "\(blob.bytes.count) bytes > --max-file-size \(options.maxFileSize)"))
            return
        }
        if FileReader.isBinary(blob.bytes) {
            result.skipped.append(Skip(path: blob.provenance.path, reason: .binary, detail: "NUL byte in the first 8 KiB"))
            return
        }
        let matches = matcher.scan(blob)
        result.findings += builder.findings(matches.matches, in: blob.provenance)
        result.errors += matches.ruleErrors
        result.summary.suppressed += matches.suppressed
        result.summary.allowlisted += matches.allowlisted
        result.summary.filesScanned += 1
        result.summary.bytesScanned += blob.bytes.count
    }
}

/// Live counters for the progress line: items done and bytes scanned, updated by every worker.
public final class ScanProgress: Sendable {
    private let doneCount = Atomic<Int>(0)
    private let byteCount = Atomic<Int>(0)
    private let stream: TargetStream

    public init(_ stream: TargetStream) { self.stream = stream }

    /// The number of items, once the input knows it.
    public var total: Int? { stream.total }

    func advance(bytes: Int) {
        doneCount.wrappingAdd(1, ordering: .relaxed)
        byteCount.wrappingAdd(bytes, ordering: .relaxed)
    }

    public var done: Int { doneCount.load(ordering: .relaxed) }
    public var bytes: Int { byteCount.load(ordering: .relaxed) }
}
