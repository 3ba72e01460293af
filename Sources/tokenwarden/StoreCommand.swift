import ArgumentParser
import Foundation
import TokenWarden

/// Where the token store is: `--store`, else TOKENWARDEN_STORE, else `.tokenwarden/store.yaml`.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help: ArgumentHelp("The token store file (default: $TOKENWARDEN_STORE, else .tokenwarden/store.yaml).", valueName: "path"))
    var path: String?

    /// The store to read, or nil when none is configured and the default file does not exist.
    /// With `defaultMissingIsNone`, only an explicit store (--store, $TOKENWARDEN_STORE) is looked for.
    func load(configured: String? = nil, defaultMissingIsNone: Bool = false) throws -> (store: TokenStore, path: String)? {
        if defaultMissingIsNone && path == nil && (ProcessInfo.processInfo.environment["TOKENWARDEN_STORE"] ?? "").isEmpty { return nil }
        guard let (path, explicit) = TokenStore.locate(option: self.path, configured: configured) else { return nil }
        if !explicit && !FileManager.default.fileExists(atPath: path) { return nil }
        guard FileManager.default.fileExists(atPath: path) else { throw InputError("\(path): no such token store") }
        return (try TokenStore.load(path: path), path)
    }

    /// For commands that write: the store's path, whether or not it exists yet.
    var writePath: String { TokenStore.locate(option: path)?.path ?? TokenStore.defaultPath }

    func loadExisting() throws -> (store: TokenStore, path: String) {
        guard let loaded = try load() else {
            throw InputError("\(path ?? TokenStore.defaultPath): no such token store (create one with `tokenwarden store add`)")
        }
        return loaded
    }
}

/// Where a token comes from: standard input (default; at a terminal, a prompt that does not echo)
/// or an environment variable — never argv, which shells log and `ps` shows.
struct TokenInput: ParsableArguments {
    @Option(help: ArgumentHelp("Read the token from this environment variable instead of standard input.", valueName: "NAME"))
    var fromEnv: String?

    func read() throws -> [UInt8] {
        var bytes: [UInt8]
        if let name = fromEnv {
            guard let value = ProcessInfo.processInfo.environment[name] else { throw InputError("environment variable \(name) is not set") }
            bytes = Array(value.utf8)
        } else if isatty(STDIN_FILENO) != 0 {
            // Typed at a terminal: hidden, and one line is enough.
            bytes = try HiddenPrompt.readLine(prompt: "Token (input hidden, then Enter): ") ?? []
        } else {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        while let last = bytes.last, last == 0x0A || last == 0x0D || last == 0x20 || last == 0x09 { bytes.removeLast() }
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
        guard !bytes.isEmpty else { throw InputError("no token given (pipe it on standard input or use --from-env NAME)") }
        guard !bytes.contains(0x0A) else { throw InputError("the token must be a single line") }
        return bytes
    }
}

/// `tokenwarden store ...`
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Manage the token store: fingerprints, owners, scopes and expiry of the tokens your team issued.",
        subcommands: [Add.self, List.self, Remove.self, Rotate.self, Audit.self, CheckEnv.self]
    )

    static func commaList(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    /// The value is not repeated in the error: a token pasted into the wrong option would be.
    static func day(_ text: String, _ option: String) throws -> Day {
        guard let day = Day(parsing: text) else { throw badDate(text, option, orNever: false) }
        return day
    }

    static func expiry(_ text: String, _ option: String) throws -> Expiry {
        guard let expiry = Expiry(parsing: text) else { throw badDate(text, option, orNever: true) }
        return expiry
    }

    private static func badDate(_ text: String, _ option: String, orNever: Bool) -> ValidationError {
        ValidationError(
            "\(option) must be a date like 2026-12-31\(orNever ? " or 'never'" : "") (the value given has \(text.count) characters)")
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Register a token (standard input, typed without echo at a terminal, or --from-env): only its fingerprint and length are written."
        )
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var input: TokenInput
        @Option(help: "The issuing service (e.g. zenodo, github, codeocean).") var service: String
        @Option(help: "A unique name for this token.") var id: String
        @Option(help: "Who owns it (a person or team).") var owner: String
        @Option(parsing: .upToNextOption, help: "Scopes it was granted (comma-separated or repeated).") var scopes: [String] = []
        @Option(parsing: .upToNextOption, help: "Scopes its job needs (comma-separated or repeated).") var needs: [String] = []
        @Option(help: "Expiry date (YYYY-MM-DD) or 'never'.") var expires: String
        @Option(help: "Creation date (default: today).") var created: String?
        @Option(help: "Refresh model: hard or auto (Pydio Cells).") var refresh: String?
        @Option(parsing: .upToNextOption, help: "Where it is deployed: env:NAME, file:PATH, azure-pipelines:VAR, ...") var storedIn:
            [String] = []
        @Option(help: "A free-form note.") var note: String?
        @OptionGroup var ruleOptions: RuleOptions

        func validate() throws {
            _ = try StoreCommand.expiry(expires, "--expires")
            if let created { _ = try StoreCommand.day(created, "--created") }
            if let refresh, StoredToken.Refresh(rawValue: refresh) == nil { throw ValidationError("--refresh must be hard or auto") }
        }

        func run() throws {
            let path = storeOptions.writePath
            let token = try input.read()
            let key = TokenStore.key()
            let fingerprint = TokenStore.fingerprint(of: token, key: key)
            let entry = StoredToken(
                id: id, service: service, fingerprint: fingerprint, length: token.count,
                charset: TokenCharset.of(token) ?? .printable, owner: owner,
                scopes: StoreCommand.commaList(scopes), needs: needs.isEmpty ? nil : StoreCommand.commaList(needs),
                created: try created.map { try StoreCommand.day($0, "--created") } ?? .today,
                expires: try StoreCommand.expiry(expires, "--expires").day,
                refresh: refresh.flatMap(StoredToken.Refresh.init(rawValue:)), storedIn: StoreCommand.commaList(storedIn), note: note)
            let notes = try checkFormat(token)
            let policy = try TokenStore.update(path: path, creating: true) { store in
                try store.register(entry, secret: token, key: key)
                return store.policy
            }
            for line in notes { Terminal.error(line) }
            Terminal.error(
                "tokenwarden: registered \(id) (\(service), \(fingerprint.algorithm.rawValue), \(token.count) characters) in \(path)")
            for v in policy.audit(entry).violations { Terminal.error("tokenwarden: policy: \(id): \(v.message)") }
        }

        /// Which rules recognise the token; a warning when none is for the service given.
        private func checkFormat(_ token: [UInt8]) throws -> [String] {
            switch TokenRecognition(token: token, service: service, rules: RuleSet(try ruleOptions.loadRules(examples: false))) {
            case .recognised:
                return []
            case .unrecognised(let length, let charset):
                return [
                    "tokenwarden: note: no rule recognises this token on its own; scans will still find it by its fingerprint (\(length) characters, \(charset?.rawValue ?? "printable"))"
                ]
            case .looksLike(let services):
                return ["tokenwarden: warning: this looks like a \(services.joined(separator: " or ")) token, not \(service)"]
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List registered tokens.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(name: .shortAndLong, help: "Output format: text or json.") var format: AuditFormat = .text

        func run() throws {
            let (store, _) = try storeOptions.loadExisting()
            if format == .json {
                try StandardStream.standardOutput.write(
                    try StoreReport.json(store.tokens.map { store.policy.audit($0) }, includeVerdicts: false) + "\n")
                return
            }
            try StandardStream.standardOutput.write(StoreReport.table(store.tokens.map { store.policy.audit($0) }, verdicts: false))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a token from the store.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The token id.") var id: String

        func run() throws {
            let path = storeOptions.writePath
            try TokenStore.update(path: path, creating: false) { try $0.remove(id: id) }
            Terminal.error("tokenwarden: removed \(id) from \(path)")
        }
    }

    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace a token's fingerprint with its new value (standard input or --from-env), keeping its metadata.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var input: TokenInput
        @Argument(help: "The token id.") var id: String
        @Option(help: "New expiry date (YYYY-MM-DD) or 'never' (default: keep).") var expires: String?

        func validate() throws {
            if let expires { _ = try StoreCommand.expiry(expires, "--expires") }
        }

        func run() throws {
            let path = storeOptions.writePath
            let expiry = try expires.map { try StoreCommand.expiry($0, "--expires") }
            let token = try input.read()
            try TokenStore.update(path: path, creating: false) { store in
                try store.rotate(id: id, to: token, key: TokenStore.key(), expires: expiry)
            }
            Terminal.error("tokenwarden: rotated \(id) in \(path)")
        }
    }

    enum AuditFormat: String, ExpressibleByArgument { case text, json }

    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every registered token against the policy: scopes, expiry, age; with --live, against its service too.",
            discussion: """
                --live checks each token whose raw value is in the environment variable its stored_in names (env:NAME, as \
                check-env reads it) with its service, and compares the scopes and expiry the service reports with the store's: \
                scope drift, revoked tokens still registered, expiry mismatches. Other tokens are listed as not checked. \
                --live --dry-run lists where each value would be sent and sends nothing.
                Exit status: 0 all tokens comply (warnings allowed), 1 a token violates the policy, drifted or is revoked, \
                2 error (also a live check that could not be made).
                """)
        @OptionGroup var storeOptions: StoreOptions
        @Option(name: .shortAndLong, help: "Output format: text or json.") var format: AuditFormat = .text
        @Flag(help: "Also check each token whose raw value is in its env:NAME with its service (sends it there).") var live = false
        @Flag(help: "With --live: list the host each token would be sent to, and send nothing.") var dryRun = false
        @Option(
            help: ArgumentHelp(
                "With --live: the config whose verify.hosts allows self-hosted instances (none unless named).", valueName: "path")
        ) var config: String?

        func validate() throws {
            if (dryRun || config != nil) && !live { throw ValidationError("--dry-run and --config go with --live") }
        }

        func run() throws {
            let (store, _) = try storeOptions.loadExisting()
            let audits = store.tokens.map { store.policy.audit($0) }
            let liveEntries = live ? try liveAudit(store) : nil
            if format == .json {
                try StandardStream.standardOutput.write(try StoreReport.json(audits, includeVerdicts: true, live: liveEntries) + "\n")
            } else {
                try StandardStream.standardOutput.write(StoreReport.table(audits, verdicts: true, live: liveEntries))
                let failing = audits.filter(\.failing).count
                Terminal.error("tokenwarden: \(audits.count) tokens audited, \(failing) violate the policy")
                if let liveEntries { Terminal.error("tokenwarden: live: " + LiveAuditSummary(liveEntries, dryRun: dryRun).description) }
            }
            if liveEntries?.contains(where: \.erred) == true { throw ExitCode(2) }
            if audits.contains(where: \.failing) || liveEntries?.contains(where: \.failing) == true { throw ExitCode(1) }
        }

        private func liveAudit(_ store: TokenStore) throws -> [LiveStoreAudit.Entry] {
            let environment = ProcessInfo.processInfo.environment
            return try LiveStoreAudit.run(
                store: store, environment: environment, key: TokenStore.key(), rules: RuleSet(try RuleLoader.builtIn(examples: false)),
                verifying: try LiveVerifying.make(dryRun: dryRun, configPath: config, environment: environment))
        }
    }

    struct CheckEnv: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-env",
            abstract:
                "Check the environment variables named in stored_in (env:NAME): registered, stale or unset; and report unknown tokens in the environment.",
            discussion: "Exit status: 0 all deployed tokens are the registered ones, 1 a stale or unknown token, 2 error.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(name: .shortAndLong, help: "Output format: text or json.") var format: AuditFormat = .text
        @OptionGroup var ruleOptions: RuleOptions

        func run() throws {
            let (store, _) = try storeOptions.loadExisting()
            let report = try EnvironmentCheck.run(
                store: store, environment: ProcessInfo.processInfo.environment, key: TokenStore.key(),
                rules: RuleSet(try ruleOptions.loadRules(examples: false)))
            if format == .json {
                try StandardStream.standardOutput.write(try StoreReport.json(report) + "\n")
            } else {
                for entry in report {
                    try StandardStream.standardOutput.write("\(entry.variable)\t\(entry.state.rawValue)\t\(entry.detail)\n")
                }
            }
            if report.contains(where: { $0.state == .stale || $0.state == .unknown }) { throw ExitCode(1) }
        }
    }
}
