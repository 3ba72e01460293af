/// `store audit --live`: each registered token whose raw value the environment holds (its
/// `stored_in: env:NAME`, read as `store check-env` reads it) is checked with its service, and
/// what the service reports is compared with what the store declares. Raw values are only ever
/// read from the environment for the one request; the store keeps fingerprints only.
public enum LiveStoreAudit {
    /// Where a token's raw value came from, or why there is none.
    public enum RawValue: Sendable, Equatable {
        /// `env:NAME` holds the registered token (its fingerprint matches).
        case environment(String)
        /// Nothing to check with: no `env:` place, unset variables, or variables holding another value.
        case unavailable(String)
    }

    /// What differs between the store and the service, one kind a line.
    public struct Problem: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable {
            /// The service rejects the token, yet the store still lists it.
            case revoked = "revoked-still-registered"
            /// The service reports scopes the store does not declare.
            case scopesAdded = "scope-drift-added"
            /// The store declares scopes the service does not report.
            case scopesRemoved = "scope-drift-removed"
            /// The service reports another expiry than the store.
            case expiryMismatch = "expiry-mismatch"
            /// The live scopes break the policy (beyond `needs`, forbidden, full access).
            case overScoped = "live-over-scoped"
            /// The check could not be made (timeout, rate limited, TLS, 5xx): the audit is incomplete.
            case error
        }
        public var kind: Kind
        public var message: String

        /// Errors make the audit incomplete (exit 2) rather than failing it.
        public var isError: Bool { kind == .error }
    }

    /// The live audit of one registered token.
    public struct Entry: Sendable {
        public var token: StoredToken
        public var raw: RawValue
        /// Why the token was not sent (no raw value, no check for its service, no host): nil when checked.
        public var notChecked: String?
        /// The host its value goes to (also on a dry run); nil when not checked.
        public var host: ServiceHost?
        /// The service's answer: nil when not checked or on a dry run.
        public var verdict: LiveVerdict?
        public var drift: ScopeDrift?
        public var liveScopes: ScopeAudit?
        public var problems: [Problem]

        /// Drift or a revoked token still registered: exit 1.
        public var failing: Bool { problems.contains { !$0.isError } }
        public var erred: Bool { problems.contains(where: \.isError) }
    }

    /// One value to send: what `Verifying.send` is given.
    public struct Send: Sendable {
        public var subject: VerificationSubject
        public var check: any ServiceCheck
        public var host: ServiceHost
    }

    /// Why a token's value goes nowhere (a self-hosted service with no allowed instance).
    public struct HostRefusal: Error, Sendable, Equatable {
        public var reason: String
        public init(reason: String) { self.reason = reason }
    }

    /// What the audit needs of the verifier: where a subject may go (after the config's allow
    /// list and test endpoints) or why nowhere, and the sending itself.
    public struct Verifying: Sendable {
        public var choose: @Sendable (VerificationSubject, any ServiceCheck) -> Result<ServiceHost, HostRefusal>
        /// nil for a dry run: nothing is sent. Verdicts come back in the order given.
        public var send: (@Sendable ([Send]) -> [LiveVerdict])?

        public init(
            choose: @escaping @Sendable (VerificationSubject, any ServiceCheck) -> Result<ServiceHost, HostRefusal>,
            send: (@Sendable ([Send]) -> [LiveVerdict])?
        ) {
            self.choose = choose
            self.send = send
        }

        /// Through `scan --verify`'s verifier: the same host choice, pacing, retries and transport.
        public init(verifier: Verifier) {
            let settings = verifier.settings
            choose = { subject, check in
                switch HostChoice.choose(
                    check.hosts(for: subject), service: check.service, config: settings.hosts, overrides: settings.overrides)
                {
                case .send(let host): return .success(host)
                case .refuse(let why): return .failure(HostRefusal(reason: why))
                }
            }
            if settings.dryRun {
                send = nil
            } else {
                send = { (sends: [Send]) -> [LiveVerdict] in
                    verifier.run(sends.map { Verifier.Job(check: $0.check, host: $0.host, subject: $0.subject, findings: []) })
                }
            }
        }
    }

    public static func run(
        store: TokenStore, environment: [String: String], key: [UInt8]?, rules: RuleSet,
        checks: (String) -> (any ServiceCheck)? = ServiceChecks.check(forService:), verifying: Verifying
    ) throws -> [Entry] {
        let index = try StoreIndex(store, key: key)
        var entries: [Entry] = []
        var sends: [(entry: Int, send: Send)] = []
        for token in store.tokens {
            let (raw, secret) = rawValue(of: token, environment: environment, index: index)
            var entry = Entry(token: token, raw: raw, notChecked: nil, host: nil, verdict: nil, drift: nil, liveScopes: nil, problems: [])
            defer { entries.append(entry) }
            guard let secret else {
                if case .unavailable(let why) = raw { entry.notChecked = "no raw value: \(why)" }
                continue
            }
            guard let check = checks(token.service) else {
                entry.notChecked = "no live check for \(token.service)"
                continue
            }
            let recognition = recognise(secret, check: check, rules: rules)
            guard case .rule(let rule) = recognition else {
                entry.notChecked = recognition.refusal
                continue
            }
            let subject = VerificationSubject(rule: rule, service: token.service, secret: secret)
            switch verifying.choose(subject, check) {
            case .failure(let refusal):
                entry.notChecked = refusal.reason
            case .success(let host):
                entry.host = host
                sends.append((entries.count, Send(subject: subject, check: check, host: host)))
            }
        }
        guard let send = verifying.send, !sends.isEmpty else { return entries }
        for (item, verdict) in zip(sends, send(sends.map(\.send))) { compare(&entries[item.entry], with: verdict, policy: store.policy) }
        return entries
    }

    /// The first `env:NAME` place holding this very token (fingerprint match), else why none does.
    /// A variable holding another value is never sent: it may be some other service's secret.
    static func rawValue(of token: StoredToken, environment: [String: String], index: StoreIndex) -> (RawValue, [UInt8]?) {
        let names = token.storedIn.filter { $0.hasPrefix("env:") }.map { String($0.dropFirst(4)) }
        guard !names.isEmpty else { return (.unavailable("no env:NAME in stored_in"), nil) }
        var unset: [String] = [], other: [String] = []
        for name in names {
            guard let value = environment[name] else {
                unset.append(name)
                continue
            }
            let bytes = Array(value.utf8)
            if index.identify(bytes) == token.id { return (.environment(name), bytes) }
            other.append(name)
        }
        var why: [String] = []
        if !unset.isEmpty { why.append("\(unset.joined(separator: ", ")) not set") }
        if !other.isEmpty { why.append("\(other.joined(separator: ", ")) holds another value") }
        return (.unavailable(why.joined(separator: "; ")), nil)
    }

    /// What the rules make of a raw value, for its check.
    enum Recognition: Equatable {
        /// The check's rule that recognises the whole value (checks build their request by token
        /// kind); a value no rule knows gets the check's first rule.
        case rule(String)
        /// Recognised only as a kind the check does not cover (a GitHub refresh token is exchanged, never presented).
        case uncovered(kind: String)
        /// Its built-in checksum fails: never issued, nothing to ask (as `scan --verify`).
        case neverIssued(rule: String)

        var refusal: String? {
            switch self {
            case .rule: nil
            case .uncovered(let kind): "no live check for its kind (\(kind))"
            case .neverIssued(let rule): "not sent: \(rule) whose checksum fails was never issued"
            }
        }
    }

    static func recognise(_ secret: [UInt8], check: any ServiceCheck, rules: RuleSet) -> Recognition {
        let findings = FindingBuilder(ruleSet: rules).scan(
            Blob(bytes: secret, provenance: Provenance(path: "<store audit --live>")), with: Matcher(ruleSet: rules)
        ).filter { $0.length == secret.count }
        if let f = findings.first(where: { check.rules.contains($0.rule) }) {
            return f.checksum == .invalid ? .neverIssued(rule: f.rule) : .rule(f.rule)
        }
        if let other = findings.first { return .uncovered(kind: other.rule) }
        return .rule(check.rules.sorted().first ?? check.service)
    }

    static func compare(_ entry: inout Entry, with verdict: LiveVerdict, policy: Policy) {
        var verdict = verdict
        let token = entry.token
        verdict.judgeScopes(service: token.service, policy: policy, needs: token.needs)
        entry.verdict = verdict
        switch verdict.status {
        case .invalid:
            entry.problems.append(
                Problem(kind: .revoked, message: "the service rejects it (\(verdict.reason)): revoked or expired, yet still registered"))
        case .error:
            entry.problems.append(Problem(kind: .error, message: "not verified: \(verdict.reason)"))
        case .unknown:
            entry.notChecked = "unknown: \(verdict.reason)"
        case .valid:
            if let live = verdict.facts?.scopes {
                let drift = ScopeDrift(declared: token.scopes, live: live)
                entry.drift = drift
                if !drift.added.isEmpty {
                    entry.problems.append(
                        Problem(kind: .scopesAdded, message: "live scopes not in the store: \(drift.added.joined(separator: ", "))"))
                }
                if !drift.removed.isEmpty {
                    entry.problems.append(
                        Problem(
                            kind: .scopesRemoved,
                            message: "declared scopes the service does not report: \(drift.removed.joined(separator: ", "))"))
                }
                let audit = policy.auditLive(service: token.service, scopes: live, needs: token.needs)
                entry.liveScopes = audit
                if audit.overScoped {
                    let what = audit.excessScopes.isEmpty ? "no scope (full access)" : audit.excessScopes.joined(separator: ", ")
                    entry.problems.append(Problem(kind: .overScoped, message: "live over-scoped: \(what)"))
                }
            }
            if let live = verdict.facts?.expires, live != token.expires {
                entry.problems.append(
                    Problem(
                        kind: .expiryMismatch,
                        message: "expires \(live) at the service, \(token.expires?.description ?? "never") in the store"))
            } else if verdict.facts?.neverExpires == true, let stored = token.expires {
                entry.problems.append(
                    Problem(kind: .expiryMismatch, message: "never expires at the service, \(stored) in the store"))
            }
        }
    }
}
