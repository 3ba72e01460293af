import Foundation

/// Asks each finding's service whether its secret is live, and records the answer as `Verdict.live`.
/// The safety rules live here, once for every check: hosts chosen by `HostChoice` before anything is
/// sent, a check's URL must stay on its host, one request per distinct secret and host per run,
/// `concurrency` requests at once, per-service pacing and `Retry-After`, bounded retries with
/// backoff for timeouts and 5xx, none for TLS failures or redirects (which the transport refuses).
public struct Verifier: Sendable {
    public let settings: VerificationSettings
    public let transport: any HTTPTransport
    let checks: [any ServiceCheck]
    let now: Date

    public init(
        settings: VerificationSettings, transport: any HTTPTransport, checks: [any ServiceCheck] = ServiceChecks.all, now: Date = Date()
    ) {
        self.settings = settings
        self.transport = transport
        self.checks = checks
        self.now = now
    }

    /// One request to make: a secret of one service, to one host, for every finding that holds it.
    struct Job {
        var check: any ServiceCheck
        var host: ServiceHost
        var subject: VerificationSubject
        var findings: [Int]
        /// Built before sending, so jobs that would send the same request share it (an AWS key id and
        /// its secret key are two findings and one STS call).
        var request: HTTPRequest? = nil
    }

    /// Sets `verdict.live` on every finding. Findings no check covers are `unknown`.
    public func apply(to result: inout ScanResult) {
        var jobs: [String: Job] = [:]
        var order: [String] = []
        for i in result.findings.indices {
            let f = result.findings[i]
            guard let check = checks.first(where: { $0.rules.contains(f.rule) }) else {
                result.findings[i].verdict.live = LiveVerdict(status: .unknown, reason: "no check for this rule")
                continue
            }
            guard !f.match.secret.isEmpty else {
                result.findings[i].verdict.live = LiveVerdict(status: .unknown, reason: "no secret to check")
                continue
            }
            // A failing built-in checksum means the token was never issued: nothing to ask.
            if f.checksum == .invalid {
                result.findings[i].verdict.live = LiveVerdict(status: .invalid, reason: "checksum invalid: never issued (not sent)")
                continue
            }
            let subject = VerificationSubject(
                rule: f.rule, service: check.service, secret: f.match.secret,
                companions: (f.neighbourhood?.companions ?? []).map { ($0.rule, $0.secret) }, context: f.neighbourhood?.context ?? [])
            switch HostChoice.choose(
                check.hosts(for: subject), service: check.service, config: settings.hosts, overrides: settings.overrides)
            {
            case .refuse(let reason):
                result.findings[i].verdict.live = LiveVerdict(status: .unknown, reason: reason)
            case .send(let host):
                let key = [check.service, Fingerprint.sha256Hex(f.match.secret), host.base.absoluteString].joined(separator: "\u{0}")
                if jobs[key] == nil {
                    jobs[key] = Job(check: check, host: host, subject: subject, findings: [])
                    order.append(key)
                } else {
                    // Companions from every copy: the secret key may sit beside only one of them.
                    jobs[key]!.subject.companions += subject.companions
                }
                jobs[key]!.findings.append(i)
            }
        }
        let list = Self.sharingRequests(order.map { jobs[$0]! }, now: now)
        let verdicts = settings.dryRun ? list.map(Self.plan) : run(list)
        for (job, verdict) in zip(list, verdicts) {
            for i in job.findings { result.findings[i].verdict.live = verdict }
        }
    }

    /// Builds each job's request and joins the jobs whose requests are the same bytes.
    static func sharingRequests(_ jobs: [Job], now: Date) -> [Job] {
        var merged: [Job] = []
        var byRequest: [String: Int] = [:]
        for var job in jobs {
            job.request = job.check.request(for: job.subject, on: job.host, now: now)
            guard let request = job.request else {
                merged.append(job)
                continue
            }
            var bytes = Array("\(request.method) \(request.url.absoluteString)\n".utf8)
            for h in request.headers { bytes += Array("\(h.name): \(h.value)\n".utf8) }
            bytes += [0] + (request.body ?? [])
            let key = Fingerprint.sha256Hex(bytes)
            if let j = byRequest[key] {
                merged[j].findings += job.findings
            } else {
                byRequest[key] = merged.count
                merged.append(job)
            }
        }
        return merged
    }

    /// How a `--dry-run` verdict's reason starts; the host and its origin follow.
    static let dryRunPrefix = "dry run: would send to "

    /// With `--dry-run`: where the secret would go, and nothing sent.
    static func plan(_ job: Job) -> LiveVerdict {
        LiveVerdict(
            status: .unknown, reason: dryRunPrefix + "\(job.host.base.absoluteString) (\(job.host.origin.rawValue))",
            host: job.host.base.host)
    }

    /// Runs the jobs on `settings.concurrency` threads; the verdicts come back in the jobs' order.
    func run(_ jobs: [Job]) -> [LiveVerdict] {
        let verdicts = LockedBox([LiveVerdict?](repeating: nil, count: jobs.count))
        let next = LockedBox(0)
        let gate = ServiceGate(spacing: settings.spacing)
        let group = DispatchGroup()
        for _ in 0..<min(max(1, settings.concurrency), jobs.count) {
            group.enter()
            Thread {
                while true {
                    let index = next.update { n -> Int in
                        defer { n += 1 }
                        return n
                    }
                    guard index < jobs.count else { break }
                    let verdict = verify(jobs[index], gate: gate)
                    verdicts.update { $0[index] = verdict }
                }
                group.leave()
            }.start()
        }
        group.wait()
        return verdicts.value.map { $0! }
    }

    /// One secret, with retries; never throws: every failure is an `error` verdict with a reason.
    func verify(_ job: Job, gate: ServiceGate) -> LiveVerdict {
        let host = job.host.base.host
        func verdict(_ status: VerificationStatus, _ reason: String, facts: LiveFacts? = nil) -> LiveVerdict {
            LiveVerdict(status: status, reason: reason, host: host, facts: status == .valid ? facts : nil)
        }
        guard let request = job.request ?? job.check.request(for: job.subject, on: job.host, now: now) else {
            return LiveVerdict(status: .unknown, reason: job.check.missingReason)
        }
        guard HostChoice.isOn(request.url, job.host.base) else {
            return LiveVerdict(status: .error, reason: "the check built a request off its host: not sent")
        }
        // A line break in a header would let the text of a secret write headers of its own.
        let breaks: (String) -> Bool = { $0.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0 } }
        guard !request.headers.contains(where: { breaks($0.name) || breaks($0.value) }) else {
            return LiveVerdict(status: .error, reason: "the request would carry a line break in a header: not sent")
        }
        var failures = 0, waits = 0
        while true {
            gate.enter(job.check.service)
            let response: HTTPResponse
            do {
                response = try transport.send(request)
            } catch {
                switch error {
                case .redirectRefused(let location):
                    // The host only: a location's query may carry what the service echoed back.
                    let target = URLComponents(string: location)?.host.map { " to \($0)" } ?? ""
                    return verdict(.error, "redirect\(target) refused")
                case .timeout, .connection:
                    guard failures >= settings.retries else {
                        backOff(&failures)
                        continue
                    }
                    return verdict(.error, error.reason)
                case .tls, .unavailable:
                    return verdict(.error, error.reason)
                }
            }
            if response.status == 429 {
                let wait = ServiceGate.retryAfter(response.headers["retry-after"]) ?? settings.backoff
                if waits < settings.retries && wait <= settings.maxRetryAfter {
                    waits += 1
                    gate.hold(job.check.service, for: wait)
                    continue
                }
                return verdict(.error, "rate limited (HTTP 429)")
            }
            if response.status >= 500 {
                if failures < settings.retries {
                    backOff(&failures)
                    continue
                }
                return verdict(.error, "HTTP \(response.status)")
            }
            let outcome = job.check.interpret(response, for: job.subject)
            return verdict(outcome.status, outcome.reason, facts: outcome.facts)
        }
    }

    private func backOff(_ failures: inout Int) {
        Thread.sleep(forTimeInterval: ServiceGate.seconds(settings.backoff * (1 << failures)))
        failures += 1
    }
}
