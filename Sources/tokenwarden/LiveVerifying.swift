import Foundation
import TokenWarden

/// How `store audit --live` sends: `scan --verify`'s verifier (host choice with the config's
/// `verify.hosts`, loopback-only test endpoints, pacing, retries, libcurl).
enum LiveVerifying {
    static func make(dryRun: Bool, configPath: String?, environment: [String: String]) throws -> LiveStoreAudit.Verifying {
        // Only a config the user names: a `.tokenwarden.yaml` in the current directory may be a
        // hostile clone's, and registered tokens must not go to a host it lists.
        let config = try configPath.map { try Config.load(path: $0) } ?? Config()
        var settings = VerificationSettings()
        settings.dryRun = dryRun
        settings.hosts = config.verify
        settings.overrides = try EndpointOverrides.parse(environment)
        if !dryRun {
            do { try CurlTransport.checkAvailable() } catch { throw InputError("--live: \(error.reason)") }
        }
        return LiveStoreAudit.Verifying(verifier: Verifier(settings: settings, transport: CurlTransport(timeout: settings.timeout)))
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
