import ArgumentParser
import Foundation
import TokenWarden

/// `scan --verify` and its companions: opt-in only, never on by default (nor in `--staged`, which
/// the pre-commit hook runs, unless the user adds `--verify` there too).
struct VerifyOptions: ParsableArguments {
    @Flag(
        help:
            "Ask each finding's service whether its secret is live (sends it to that service's own hosts only; README: Live verification)."
    )
    var verify = false

    @Flag(help: "With --verify: show the host each finding's secret would be sent to, and send nothing.")
    var dryRun = false

    @Flag(help: "Report only the findings their service verified as valid (implies --verify).")
    var onlyVerified = false

    @Option(help: ArgumentHelp("With --verify: seconds each request may take (default 10).", valueName: "seconds"))
    var verifyTimeout: Double?

    func validate() throws {
        if dryRun && !verify && !onlyVerified { throw ValidationError("--dry-run goes with --verify") }
        if verifyTimeout != nil && !verify && !onlyVerified { throw ValidationError("--verify-timeout goes with --verify") }
        if let verifyTimeout, !(0.1...300).contains(verifyTimeout) {
            throw ValidationError("--verify-timeout must be 0.1 to 300 seconds")
        }
    }

    /// The settings for the request, or nil without --verify. Fails (exit 2) before any scanning
    /// when a test endpoint is not loopback or libcurl cannot be loaded.
    /// `configNamed`: the user named the config with `--config`. A repository's own config may not
    /// choose where secrets go: a hostile clone could list its host for `github` and receive the
    /// token a developer keeps in an untracked `.env`. Its `verify:` is ignored, with a note.
    func settings(config: Config, configNamed: Bool, environment: [String: String]) throws -> (VerificationSettings, note: String?)? {
        guard verify || onlyVerified else { return nil }
        var settings = VerificationSettings()
        settings.dryRun = dryRun
        if let verifyTimeout { settings.timeout = .milliseconds(Int(verifyTimeout * 1000)) }
        var note: String?
        if configNamed {
            settings.hosts = config.verify
        } else if config.verify != VerifyConfig() {
            note =
                "\(config.origin): verify: ignored (the scanned repository's own config may not choose where secrets are sent; name the file with --config to use it)"
        }
        settings.overrides = try EndpointOverrides.parse(environment)
        if !dryRun {
            do { try CurlTransport.checkAvailable() } catch { throw InputError("--verify: \(error.reason)") }
        }
        return (settings, note)
    }
}
