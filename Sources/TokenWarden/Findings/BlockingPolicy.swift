/// Which findings block (exit 1): the one place that decides. A leaked registered token and a
/// secret its service verified as valid always block; otherwise the confidence must reach
/// `minimumConfidence`, with a token store the status must be one of `statuses`, and with
/// `scan --verify` and `fail_on.verification` the live verdict must be one of `verifications`.
public struct BlockingPolicy: Sendable, Equatable {
    public var minimumConfidence: Confidence = .medium
    /// With a store: the statuses that block (nil: all).
    public var statuses: Set<FindingStatus>?
    /// With `--verify`: the live verdicts that block (nil: all). `[valid]` blocks only what the
    /// service accepted; a finding that was not verified counts as `unknown`.
    public var verifications: Set<VerificationStatus>?

    public init(minimumConfidence: Confidence = .medium, statuses: Set<FindingStatus>? = nil, verifications: Set<VerificationStatus>? = nil)
    {
        self.minimumConfidence = minimumConfidence
        self.statuses = statuses
        self.verifications = verifications
    }

    public func blocks(_ f: Finding) -> Bool {
        if f.status == .leaked || f.verification == .valid { return true }
        if let verifications, !verifications.contains(f.verification ?? .unknown) { return false }
        guard f.confidence >= minimumConfidence else { return false }
        if let statuses, let status = f.status { return statuses.contains(status) }
        return true
    }

    public func apply(to result: inout ScanResult) {
        for i in result.findings.indices { result.findings[i].verdict.blocking = blocks(result.findings[i]) }
    }
}
