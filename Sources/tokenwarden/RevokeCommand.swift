import ArgumentParser
import Foundation
import TokenWarden

/// `tokenwarden revoke`: sends leaked GitHub tokens to GitHub's credential revocation API. Tokens
/// come from standard input, a file or environment variables — never argv, which `ps` shows —
/// and only GitHub token kinds the API accepts go, after a confirmation.
struct RevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke leaked GitHub tokens through GitHub's credential revocation API (asks first; GitHub cannot undo it).",
        discussion: """
            Tokens, one a line, from --stdin or --file, from --from-env variables, or the GitHub findings of a scan's \
            JSON/JSONL report made with --show-secrets (--report FILE, - for standard input). Only GitHub tokens the API takes are \
            sent (ghp_, github_pat_, gho_, ghu_, ghr_), to api.github.com only, unauthenticated; any other value stops the \
            run before anything is sent. GitHub revokes the valid ones and notifies their owners.
            Exit status: 0 every batch accepted (or --dry-run), 1 not confirmed, 2 error (a refused token, no terminal to \
            confirm without --yes, a batch GitHub did not accept).
            """)

    @Flag(help: "Read the tokens from standard input, one a line.") var stdin = false
    @Option(help: ArgumentHelp("Read the tokens from this file, one a line.", valueName: "path")) var file: String?
    @Option(help: ArgumentHelp("Read a token from this environment variable (repeatable).", valueName: "NAME")) var fromEnv: [String] =
        []
    @Option(
        help: ArgumentHelp(
            "Revoke the GitHub findings of this scan report (--format json|jsonl --show-secrets; - for standard input).", valueName: "path")
    ) var report: String?
    @Flag(help: "Do not ask for confirmation (needed without a terminal).") var yes = false
    @Flag(help: "Say what would be sent, and where, without sending.") var dryRun = false

    func run() throws {
        let tokens = try readTokens()
        let candidates = GitHubRevocation.candidates(tokens, rules: RuleSet(try RuleLoader.builtIn(examples: false)))
        let refused = candidates.enumerated().filter { $0.element.refusal != nil }
        for (i, c) in refused { Terminal.error("tokenwarden: refused: token \(i + 1) (\(c.redacted)): \(c.refusal!)") }
        guard refused.isEmpty else {
            throw InputError("\(refused.count) of \(candidates.count) tokens refused; nothing was sent")
        }
        let host = try RevocationEndpoint.host()
        let target = host.base.appendingPathComponent(String(GitHubRevocation.path.dropFirst())).absoluteString
        let list = candidates.map(\.redacted).joined(separator: ", ")
        if dryRun {
            try StandardStream.standardOutput.write("would send \(candidates.count) GitHub tokens to \(target): \(list)\n")
            return
        }
        if !yes {
            guard
                let confirmed = Confirmation.ask(
                    "Revoke \(candidates.count) GitHub tokens (\(list)) through \(target)? GitHub cannot reactivate them.")
            else { throw InputError("no terminal to confirm on: pass --yes to revoke without asking; nothing was sent") }
            guard confirmed else {
                Terminal.error("tokenwarden: not confirmed; nothing was sent")
                throw ExitCode(1)
            }
        }
        let results = GitHubRevocation.send(candidates.map(\.secret), on: host, through: try RevocationEndpoint.transport())
        var failed = 0
        for (range, outcome) in results {
            let line: String
            switch outcome {
            case .accepted: line = "submitted (HTTP 202): GitHub revokes it if valid and notifies its owner"
            case .rejected(let why), .failed(let why):
                line = "not revoked: \(why)"
                failed += range.count
            case .rateLimited(let after):
                line = "not revoked: rate limited (60 requests an hour)" + (after.map { "; retry after \($0) s" } ?? "")
                failed += range.count
            }
            for i in range {
                try StandardStream.standardOutput.write("\(candidates[i].redacted)\t\(candidates[i].rule ?? "")\t\(line)\n")
            }
        }
        Terminal.error("tokenwarden: \(candidates.count - failed) of \(candidates.count) tokens submitted for revocation")
        if failed > 0 { throw ExitCode(2) }
    }

    /// Every source given, one token a line (blank lines skipped), each token once.
    private func readTokens() throws -> [[UInt8]] {
        guard stdin || file != nil || !fromEnv.isEmpty || report != nil else {
            throw ValidationError("name the tokens: --stdin, --file PATH, --from-env NAME or --report PATH (never on the command line)")
        }
        if stdin && report == "-" { throw ValidationError("--stdin and --report - both read standard input") }
        var lines: [[UInt8]] = []
        for name in fromEnv {
            guard let value = ProcessInfo.processInfo.environment[name] else { throw InputError("environment variable \(name) is not set") }
            lines.append(Array(value.utf8))
        }
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else { throw InputError("\(file): cannot read the file") }
            lines += Self.lines(Array(data))
        }
        if stdin { lines += Self.lines(Array(FileHandle.standardInput.readDataToEndOfFile())) }
        if let report {
            let data = report == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: report)
            guard let data else { throw InputError("\(report): cannot read the report") }
            let picked = try RevocationReport.pick(data, origin: report == "-" ? "<stdin>" : report)
            if picked.others > 0 {
                Terminal.error("tokenwarden: \(picked.others) findings of the report left out: not GitHub tokens the revocation API takes")
            }
            lines += picked.tokens
        }
        var seen = Set<[UInt8]>()
        let tokens = lines.map(Self.trimmed).filter { !$0.isEmpty && seen.insert($0).inserted }
        guard !tokens.isEmpty else { throw InputError("no tokens given") }
        return tokens
    }

    private static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: true).map(Array.init)
    }

    private static func trimmed(_ line: [UInt8]) -> [UInt8] {
        let blank: Set<UInt8> = [0x20, 0x09, 0x0D]
        guard let start = line.firstIndex(where: { !blank.contains($0) }), let end = line.lastIndex(where: { !blank.contains($0) })
        else { return [] }
        return Array(line[start...end])
    }
}
