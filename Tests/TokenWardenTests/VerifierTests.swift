import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// The verifier's safety rules on a scripted transport: where secrets go (and do not), how often,
/// and what each failure becomes.
final class VerifierTests: XCTestCase {
    /// Answers from a script, one per request (the last repeats), and records what was sent.
    final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var script: [Result<HTTPResponse, TransportError>]
        private(set) var sent: [(request: HTTPRequest, at: Date)] = []

        init(_ script: [Result<HTTPResponse, TransportError>]) { self.script = script }

        func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
            lock.lock()
            defer { lock.unlock() }
            sent.append((request, Date()))
            let next = script.count > 1 ? script.removeFirst() : script[0]
            return try next.get()
        }
    }

    private static let zenodo = "SZbPzEAtO1nPQiqjWkya1DviWELaaz3nYjAVSWpc7gOpTXOmWWn9BD1INViL"

    private func scanned(_ files: [String: String]) -> ScanResult {
        var result = ScanResult()
        var options = ScanOptions()
        options.keepNeighbourhoods = true
        let scanner = Scanner(ruleSet: TestSupport.builtInRuleSet, options: options)
        result = scanner.scan(
            files.sorted { $0.key < $1.key }.map { .blob(Blob(bytes: Array($0.value.utf8), provenance: Provenance(path: $0.key))) })
        return result
    }

    private func verify(
        _ files: [String: String], _ transport: ScriptedTransport, configure: (inout VerificationSettings) -> Void = { _ in }
    ) -> ScanResult {
        var result = scanned(files)
        var settings = VerificationSettings()
        settings.backoff = .milliseconds(10)
        settings.spacing = .zero
        configure(&settings)
        Verifier(settings: settings, transport: transport).apply(to: &result)
        return result
    }

    private func ok(_ body: String = "[]", headers: [String: String] = [:]) -> Result<HTTPResponse, TransportError> {
        .success(HTTPResponse(status: 200, headers: headers, body: Array(body.utf8)))
    }

    func testOneRequestPerDistinctSecretAndEveryCopySharesTheVerdict() {
        let transport = ScriptedTransport([ok(#"[{"owner": 9}]"#)])
        let line = "export ZENODO_TOKEN=\(Self.zenodo)\n"
        let result = verify(["a.sh": line, "b.sh": line, "c/d.sh": line], transport)
        XCTAssertEqual(result.findings.count, 3)
        XCTAssertEqual(transport.sent.count, 1)
        XCTAssertEqual(transport.sent.first?.request.url.host, "zenodo.org")
        XCTAssertEqual(result.findings.map(\.verification), [.valid, .valid, .valid])
        XCTAssertEqual(result.findings.map(\.verifiedIdentity), ["user 9", "user 9", "user 9"])
        XCTAssertEqual(result.findings.map(\.verifiedHost), ["zenodo.org", "zenodo.org", "zenodo.org"])
    }

    /// An AWS key id and its secret key are two findings of one credential: one signed STS call.
    func testFindingsThatWouldSendTheSameRequestShareIt() {
        let arn = "arn:aws:iam::123456789012:user/ci"
        let transport = ScriptedTransport([
            ok(
                "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>\(arn)</Arn><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>"
            )
        ])
        let file = "aws_access_key_id = AKIAWFCHRTUWYX7XJOI4\naws_secret_access_key = 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\n"
        let result = verify(["credentials": file], transport)
        let aws = result.findings.filter { $0.service == "aws" }
        XCTAssertGreaterThanOrEqual(aws.count, 2, "\(result.findings.map(\.rule))")
        XCTAssertEqual(transport.sent.count, 1)
        XCTAssertEqual(Set(aws.map(\.verification)), [.valid])
    }

    func testARuleWithoutACheckIsUnknownAndSendsNothing() {
        let transport = ScriptedTransport([ok()])
        let result = verify(["bot.env": "TELEGRAM_BOT_TOKEN=5496288256:AAKgaZSWpZfVRa6Ekfp6Zv7dcY3owNd2UsK\n"], transport)
        XCTAssertFalse(result.findings.isEmpty)
        XCTAssertEqual(Set(result.findings.map(\.verification)), [.unknown])
        XCTAssertEqual(result.findings.first?.verificationReason, "no check for this rule")
        XCTAssertTrue(transport.sent.isEmpty)
    }

    func testRetryAfterIsHonouredThenTheAnswerCounts() {
        let transport = ScriptedTransport([.success(HTTPResponse(status: 429, headers: ["retry-after": "1"])), ok()])
        let result = verify(["a.sh": "ZENODO_TOKEN=\(Self.zenodo)\n"], transport)
        XCTAssertEqual(result.findings.first?.verification, .valid)
        XCTAssertEqual(transport.sent.count, 2)
        XCTAssertGreaterThanOrEqual(transport.sent[1].at.timeIntervalSince(transport.sent[0].at), 0.95)
    }

    func testRateLimitedBeyondTheRetriesOrTheLongestWaitIsAnError() {
        let always = ScriptedTransport([.success(HTTPResponse(status: 429, headers: ["retry-after": "0"]))])
        XCTAssertEqual(
            verify(["a.sh": "ZENODO_TOKEN=\(Self.zenodo)\n"], always).findings.first?.verificationReason, "rate limited (HTTP 429)")
        XCTAssertEqual(always.sent.count, 3)
        let long = ScriptedTransport([.success(HTTPResponse(status: 429, headers: ["retry-after": "3600"]))])
        XCTAssertEqual(verify(["a.sh": "ZENODO_TOKEN=\(Self.zenodo)\n"], long).findings.first?.verification, .error)
        XCTAssertEqual(long.sent.count, 1)
    }

    func testServerErrorsAndTimeoutsAreRetriedWithBackoffThenAnError() {
        let failing = ScriptedTransport([.success(HTTPResponse(status: 503))])
        let result = verify(["a.sh": "ZENODO_TOKEN=\(Self.zenodo)\n"], failing)
        XCTAssertEqual(result.findings.first?.verification, .error)
        XCTAssertEqual(result.findings.first?.verificationReason, "HTTP 503")
        XCTAssertEqual(failing.sent.count, 3)
        let recovering = ScriptedTransport([.failure(.timeout), ok()])
        XCTAssertEqual(verify(["a.sh": "ZENODO_TOKEN=\(Self.zenodo)\n"], recovering).findings.first?.verification, .valid)
        let slow = ScriptedTransport([.failure(.timeout)])
        XCTAssertEqual(verify(["a.sh": "ZENODO_TOKEN=\(Self.zenodo)\n"], slow).findings.first?.verificationReason, "timeout")
        XCTAssertEqual(slow.sent.count, 3)
    }

    func testTLSFailuresAndRedirectsAreNeverRetried() {
        let tls = ScriptedTransport([.failure(.tls("certificate verify failed"))])
        let result = verify(["a.sh": "ZENODO_TOKEN=\(Self.zenodo)\n"], tls)
        XCTAssertEqual(result.findings.first?.verification, .error)
        XCTAssertEqual(result.findings.first?.verificationReason, "TLS failure: certificate verify failed")
        XCTAssertEqual(tls.sent.count, 1)
        let redirect = ScriptedTransport([.failure(.redirectRefused(location: "https://elsewhere.example/x"))])
        XCTAssertEqual(
            verify(["a.sh": "ZENODO_TOKEN=\(Self.zenodo)\n"], redirect).findings.first?.verificationReason,
            "redirect to elsewhere.example refused")
        XCTAssertEqual(redirect.sent.count, 1)
    }

    func testAnInstanceNextToTheTokenIsUsedOnlyWhenAllowed() {
        let text = "B2SHARE_URL=https://b2share.attacker.example\nB2SHARE_TOKEN=\(Self.zenodo)\n"
        let refused = ScriptedTransport([ok(#"{"id": 1}"#)])
        let held = verify(["b.env": text], refused).findings.first { $0.service == "b2share" }
        XCTAssertEqual(held?.verification, .unknown)
        XCTAssertEqual(
            held?.verificationReason, "instance https://b2share.attacker.example next to the secret is not in verify.hosts.b2share")
        XCTAssertTrue(refused.sent.isEmpty, "nothing goes to an unlisted instance, nor to the default one")

        let allowed = ScriptedTransport([ok(#"{"id": 1}"#)])
        _ = verify(["b.env": text], allowed) {
            $0.hosts = VerifyConfig(hosts: ["b2share": [URL(string: "https://b2share.attacker.example")!]])
        }
        XCTAssertEqual(allowed.sent.map { $0.request.url.host }, ["b2share.attacker.example"])

        let opted = ScriptedTransport([ok(#"{"id": 1}"#)])
        _ = verify(["b.env": text], opted) { $0.hosts.contextHosts = true }
        XCTAssertEqual(opted.sent.count, 1)
    }

    func testASelfHostedServiceWithoutAKnownInstanceIsUnknownUntilConfigured() {
        let text = "export CODEOCEAN_TOKEN=cop_mVFW4pd2fjA69bEWwt2u9IO2pyV7mu1sUJuz5g01\n"
        let transport = ScriptedTransport([ok("{}")])
        let result = verify(["c.env": text], transport)
        let f = result.findings.first { $0.service == "codeocean" }
        XCTAssertEqual(f?.verificationReason, "no instance known: list it in verify.hosts.codeocean")
        XCTAssertTrue(transport.sent.isEmpty)
        _ = verify(["c.env": text], transport) { $0.hosts = VerifyConfig(hosts: ["codeocean": [URL(string: "https://co.example.edu")!]]) }
        XCTAssertEqual(transport.sent.map { $0.request.url.absoluteString }, ["https://co.example.edu/api/v1/capsules/search"])
    }

    func testDryRunChoosesHostsAndSendsNothing() {
        let transport = ScriptedTransport([ok()])
        let result = verify(["a.sh": "ZENODO_TOKEN=\(Self.zenodo)\n"], transport) { $0.dryRun = true }
        XCTAssertTrue(transport.sent.isEmpty)
        XCTAssertEqual(result.findings.first?.verificationReason, "dry run: would send to https://zenodo.org (fixed)")
        XCTAssertEqual(VerificationPlan.lines(result), ["verify --dry-run: would send 1 finding to https://zenodo.org (fixed)"])
    }

    func testATestEndpointReplacesTheHostAndMustBeLoopback() throws {
        let transport = ScriptedTransport([ok()])
        let overrides = try EndpointOverrides.parse(["TOKENWARDEN_VERIFY_ENDPOINT_ZENODO": "http://127.0.0.1:9", "PATH": "/bin"])
        _ = verify(["a.sh": "ZENODO_TOKEN=\(Self.zenodo)\n"], transport) { $0.overrides = overrides }
        XCTAssertEqual(transport.sent.map { $0.request.url.absoluteString }, ["http://127.0.0.1:9/api/deposit/depositions?size=1"])
        XCTAssertEqual(EndpointOverrides.variable(for: "zenodo-sandbox"), "TOKENWARDEN_VERIFY_ENDPOINT_ZENODO_SANDBOX")
        for bad in [
            "http://10.0.0.1:80", "http://localhost:80", "http://127.0.0.1.evil.example", "ftp://127.0.0.1", "http://127.0.0.1:9/path",
        ] {
            XCTAssertThrowsError(try EndpointOverrides.parse(["TOKENWARDEN_VERIFY_ENDPOINT_GITHUB": bad]), bad)
        }
    }

    func testAValidSecretBlocksAndIsCriticalWhateverItsConfidence() {
        var result = verify(["a.sh": "ZENODO_TOKEN=\(Self.zenodo)\n"], ScriptedTransport([ok()]))
        result.findings[0].verdict.confidence = .low
        BlockingPolicy().apply(to: &result)
        XCTAssertTrue(result.findings[0].blocking)
        XCTAssertEqual(SecuritySeverity.of(result.findings[0]), .critical)
        var invalid = verify(["a.sh": "ZENODO_TOKEN=\(Self.zenodo)\n"], ScriptedTransport([.success(HTTPResponse(status: 401))]))
        BlockingPolicy(verifications: [.valid]).apply(to: &invalid)
        XCTAssertEqual(invalid.findings[0].verification, .invalid)
        XCTAssertFalse(invalid.findings[0].blocking, "fail_on.verification [valid] lets a revoked token through")
    }

    func testLiveVerdictsSurviveTheJSONReportForMerge() throws {
        let transport = ScriptedTransport([ok(#"{"login": "octocat"}"#, headers: ["x-oauth-scopes": "repo"])])
        let result = verify(["g.env": "GITHUB_TOKEN=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\n"], transport)
        let f = try XCTUnwrap(result.findings.first)
        let back = try JSONDecoder().decode(Finding.self, from: JSONEncoder().encode(f))
        XCTAssertEqual(back.verification, .valid)
        XCTAssertEqual(back.verificationReason, "HTTP 200")
        XCTAssertEqual(back.verifiedHost, "api.github.com")
        XCTAssertEqual(back.verifiedIdentity, "octocat")
        XCTAssertEqual(back.scopes, ["repo"])
        // The neighbourhood (which holds the secret) is never written.
        XCTAssertNotNil(f.neighbourhood)
        XCTAssertFalse(String(decoding: try JSONEncoder().encode(f), as: UTF8.self).contains("1vq0VtprV1O2aGvu"))
    }

    func testTheConfigsVerifyHostsAreHTTPSBasesAndTyposAreErrors() throws {
        let config = try Config.parse(
            "verify:\n  hosts:\n    b2share: ['https://B2SHARE.example.org/', 'https://b2share.example.net:8443']\n  context_hosts: true\n",
            origin: "c.yaml")
        XCTAssertEqual(
            config.verify,
            VerifyConfig(
                hosts: ["b2share": [URL(string: "https://b2share.example.org")!, URL(string: "https://b2share.example.net:8443")!]],
                contextHosts: true))
        for bad in [
            "http://b2share.example.org", "https://b2share.example.org/api", "https://u:p@b2share.example.org", "b2share.example.org",
        ] {
            XCTAssertThrowsError(try Config.parse("verify:\n  hosts:\n    b2share: ['\(bad)']\n", origin: "c.yaml"), bad) { error in
                XCTAssertTrue("\(error)".contains("'verify.hosts.b2share' entries must be https URLs"), "\(error)")
            }
        }
        XCTAssertThrowsError(try Config.parse("verify:\n  host: {}\n", origin: "c.yaml"))
    }

    func testATokenWhoseChecksumFailsIsInvalidAndNotSent() throws {
        let transport = ScriptedTransport([ok()])
        let result = verify(["g.env": "GITHUB_TOKEN=ghp_1vq0VtprV1O2aGvuBtxCktBgWsRjjU2PYhBb\n"], transport)
        let f = try XCTUnwrap(result.findings.first { $0.rule == "github-pat-classic" })
        XCTAssertEqual(f.checksum, .invalid)
        XCTAssertEqual(f.verification, .invalid)
        XCTAssertEqual(f.verificationReason, "checksum invalid: never issued (not sent)")
        XCTAssertTrue(transport.sent.isEmpty)
    }

    func testVerifySettingsAreInTheSettingsDigestOnlyWhenSet() {
        var request = ScanRequest(selection: .paths(["."], standardInput: nil), rules: TestSupport.builtInRules)
        let plain = request.settingsDigest
        request.verification = VerificationSettings()
        let verifying = request.settingsDigest
        XCTAssertNotEqual(plain, verifying, "verified and unverified shards must not merge")
        request.verification?.hosts.hosts["b2share"] = [URL(string: "https://b2share.example.org")!]
        XCTAssertNotEqual(request.settingsDigest, verifying)
        request.verification = nil
        XCTAssertEqual(request.settingsDigest, plain)
        request.config.failOn.verifications = [.valid]
        XCTAssertNotEqual(request.settingsDigest, plain)
    }

    /// A check that misbehaves, to show the verifier's own guards.
    struct RogueCheck: ServiceCheck {
        let service = "zenodo"
        let rules: Set<String> = ["zenodo-token-assignment"]
        var url: String
        var header: String
        func hosts(for subject: VerificationSubject) -> [ServiceHost] {
            [ServiceHost(base: URL(string: "https://zenodo.org")!, origin: .fixed)]
        }
        func request(for subject: VerificationSubject, on host: ServiceHost, now: Date) -> HTTPRequest? {
            HTTPRequest(url: URL(string: url)!, headers: [("Authorization", header)])
        }
        func interpret(_ response: HTTPResponse, for subject: VerificationSubject) -> VerificationOutcome {
            VerificationOutcome(.valid, "ok")
        }
    }

    func testARequestOffItsHostOrWithALineBreakInAHeaderIsNotSent() {
        for (check, reason) in [
            (RogueCheck(url: "https://elsewhere.example/api", header: "Bearer t"), "the check built a request off its host: not sent"),
            (RogueCheck(url: "https://zenodo.org:8443/api", header: "Bearer t"), "the check built a request off its host: not sent"),
            (
                RogueCheck(url: "https://zenodo.org/api", header: "Bearer t\r\nX-Evil: 1"),
                "the request would carry a line break in a header: not sent"
            ),
        ] {
            let transport = ScriptedTransport([ok()])
            var result = scanned(["a.sh": "ZENODO_TOKEN=\(Self.zenodo)\n"])
            var settings = VerificationSettings()
            settings.spacing = .zero
            Verifier(settings: settings, transport: transport, checks: [check]).apply(to: &result)
            XCTAssertEqual(result.findings.first?.verification, .error)
            XCTAssertEqual(result.findings.first?.verificationReason, reason)
            XCTAssertTrue(transport.sent.isEmpty)
        }
    }

    func testRetryAfterReadsSecondsAndHTTPDates() {
        XCTAssertEqual(ServiceGate.retryAfter("2"), .seconds(2))
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        XCTAssertEqual(ServiceGate.retryAfter("Tue, 14 Nov 2023 22:13:30 GMT", now: now), .milliseconds(10_000))
        XCTAssertNil(ServiceGate.retryAfter("soon"))
        XCTAssertNil(ServiceGate.retryAfter(nil))
    }
}
