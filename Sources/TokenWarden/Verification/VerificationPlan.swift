/// What `scan --verify --dry-run` would send, and where, per host: the list to read before
/// allowing a verification (and the only place an instance found next to a secret shows up first).
public enum VerificationPlan {
    public static func lines(_ result: ScanResult) -> [String] {
        var perHost: [String: Int] = [:], held: [String: Int] = [:]
        for f in result.findings {
            guard let reason = f.verificationReason else { continue }
            if reason.hasPrefix(Verifier.dryRunPrefix) {
                perHost[String(reason.dropFirst(Verifier.dryRunPrefix.count)), default: 0] += 1
            } else {
                held[reason, default: 0] += 1
            }
        }
        let sends = perHost.sorted { $0.key < $1.key }.map { "verify --dry-run: would send \(count($0.value)) to \($0.key)" }
        let holds = held.sorted { $0.key < $1.key }.map { "verify --dry-run: \(count($0.value)) not sent: \($0.key)" }
        return (sends + holds).isEmpty ? ["verify --dry-run: nothing to send"] : sends + holds
    }

    private static func count(_ n: Int) -> String { n == 1 ? "1 finding" : "\(n) findings" }
}
