/// Which findings block (exit 1): the one place that decides. A leaked registered token always
/// blocks; otherwise the confidence must reach `minimumConfidence` and, with a token store, the
/// status must be one of `statuses`.
public struct BlockingPolicy: Sendable, Equatable {
    public var minimumConfidence: Confidence = .medium
    /// With a store: the statuses that block (nil: all).
    public var statuses: Set<FindingStatus>?

    public init(minimumConfidence: Confidence = .medium, statuses: Set<FindingStatus>? = nil) {
        self.minimumConfidence = minimumConfidence
        self.statuses = statuses
    }

    public func blocks(_ f: Finding) -> Bool {
        if f.status == .leaked { return true }
        guard f.confidence >= minimumConfidence else { return false }
        if let statuses, let status = f.status { return statuses.contains(status) }
        return true
    }

    public func apply(to result: inout ScanResult) {
        for i in result.findings.indices { result.findings[i].verdict.blocking = blocks(result.findings[i]) }
    }
}
