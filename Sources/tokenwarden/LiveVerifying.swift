import Foundation
import TokenWarden

/// How `store audit --live` sends: a check's own hosts (or its loopback test endpoint), one
/// request through libcurl.
enum LiveVerifying {
    static func make(dryRun: Bool, environment: [String: String]) -> LiveStoreAudit.Verifying {
        let hosts: @Sendable (VerificationSubject, any ServiceCheck) throws -> [ServiceHost] = { subject, check in
            if let test = try TestEndpoint.host(for: check.service, environment: environment) { return [test] }
            return check.hosts(for: subject)
        }
        guard !dryRun else { return LiveStoreAudit.Verifying(hosts: hosts, verify: nil) }
        let transport = CurlTransport()
        return LiveStoreAudit.Verifying(
            hosts: hosts,
            verify: { subject, check in
                guard let host = try? hosts(subject, check).first else { return LiveVerdict(status: .unknown, reason: "no host") }
                guard let request = check.request(for: subject, on: host, now: Date()) else {
                    return LiveVerdict(status: .unknown, reason: check.missingReason)
                }
                do throws(TransportError) {
                    let outcome = check.interpret(try transport.send(request), for: subject)
                    return LiveVerdict(status: outcome.status, reason: outcome.reason, host: host.base.host, facts: outcome.facts)
                } catch {
                    return LiveVerdict(status: .error, reason: GitHubRevocation.describe(error), host: host.base.host)
                }
            })
    }
}

/// The live audit's one-line summary on standard error.
struct LiveAuditSummary: CustomStringConvertible {
    let description: String

    init(_ entries: [LiveStoreAudit.Entry], dryRun: Bool) {
        let notChecked = entries.filter { $0.notChecked != nil }.count
        if dryRun {
            description = "\(entries.count - notChecked) tokens would be sent (nothing sent), \(notChecked) not checked"
            return
        }
        let checked = entries.filter { $0.verdict != nil && $0.notChecked == nil }
        let revoked = checked.filter { $0.problems.contains { $0.kind == .revoked } }.count
        let drifted = checked.filter { $0.failing }.count - revoked
        let errors = checked.filter(\.erred).count
        description =
            "\(checked.count) checked: \(drifted) differ from the store, \(revoked) revoked but still registered, \(errors) errors; \(notChecked) not checked"
    }
}
