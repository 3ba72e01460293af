import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// The command-line habits users expect: `-q`, `--color` and `NO_COLOR`, a report-only exit status,
/// a mistyped subcommand, a hidden token prompt, and what disabling a rule does to the catch-all.
final class CLIConventionTests: CLITestCase {
    let token = "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"
    let stripe = "sk_live_51HqLyjWDarjtT1zdp7dcXqzBvAqA2Qx9fLmZr4kT"

    func testQuietPrintsFindingsButNoSummaryOrNotes() throws {
        let repo = try makeRepository()
        try write("T=\(token)\n", to: "a.env", in: repo)
        let loud = try run(["scan", "."], in: repo)
        XCTAssertTrue(loud.stderr.contains("1 finding (1 blocking)"), loud.stderr)
        for flag in ["-q", "--quiet"] {
            let quiet = try run(["scan", flag, "--progress", "."], in: repo)
            XCTAssertEqual(quiet.status, 1)
            XCTAssertTrue(quiet.stdout.contains("a.env:1:3: github-pat-classic"), quiet.stdout)
            XCTAssertEqual(quiet.stderr, "", "quiet, even with --progress")
        }
        // Errors are still said.
        let missing = try run(["scan", "-q", "no-such-dir/"], in: repo)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.hasPrefix("tokenwarden: error: no-such-dir/"), missing.stderr)
    }

    func testColorOnlyWhenAskedOrOnATerminalWithoutNoColor() throws {
        let repo = try makeRepository()
        try write("T=\(token)\n", to: "a.env", in: repo)
        let escape = "\u{1B}["
        // Standard output is a pipe here: auto means no colour.
        XCTAssertFalse(try run(["scan", "."], in: repo).stdout.contains(escape))
        XCTAssertFalse(try run(["scan", "--color", "never", "."], in: repo).stdout.contains(escape))
        let always = try run(["scan", "--color=always", "."], in: repo, environment: ["NO_COLOR": "1"])
        XCTAssertTrue(always.stdout.contains("\u{1B}[1ma.env:1:3\u{1B}[0m: \u{1B}[31mgithub-pat-classic\u{1B}[0m"), always.stdout)
        // Report files and other formats never carry colour.
        let sarif = try run(["scan", "--color=always", "--format", "sarif", "--report", "text:out.txt", "."], in: repo)
        XCTAssertFalse(sarif.stdout.contains(escape))
        XCTAssertFalse(try String(contentsOf: repo.appendingPathComponent("out.txt"), encoding: .utf8).contains(escape))
        XCTAssertEqual(try run(["scan", "--color", "sometimes", "."], in: repo).status, 2)
        // On a terminal: colour under auto, none with NO_COLOR.
        let tty = try onTerminal(["scan", "."], in: repo, environment: ["NO_COLOR": "", "TERM": "xterm"])
        XCTAssertTrue(tty.contains("\u{1B}[31mgithub-pat-classic"), tty)
        XCTAssertFalse(try onTerminal(["scan", "."], in: repo, environment: ["NO_COLOR": "1", "TERM": "xterm"]).contains("\u{1B}[31m"))
        XCTAssertFalse(try onTerminal(["scan", "."], in: repo, environment: ["NO_COLOR": "", "TERM": "dumb"]).contains("\u{1B}[31m"))
    }

    func testExitCodeZeroReportsWithoutFailingButErrorsStillExitTwo() throws {
        let repo = try makeRepository()
        try write("T=\(token)\n", to: "a.env", in: repo)
        let reportOnly = try run(["scan", "--exit-code", "0", "."], in: repo)
        XCTAssertEqual(reportOnly.status, 0, reportOnly.stderr)
        XCTAssertTrue(reportOnly.stdout.contains("github-pat-classic"))
        XCTAssertEqual(try run(["scan", "--exit-code", "7", "."], in: repo).status, 7)
        XCTAssertEqual(try run(["scan", "--exit-code", "0", "missing.txt"], in: repo).status, 2)
        // An incomplete scan with blocking findings (a corrupt blob next to a committed token) is an
        // error when findings alone would not fail.
        try write("hello\n", to: "b.txt", in: repo)
        try commitAll(repo, "token and b.txt")
        let blob = try git(["rev-parse", "HEAD:b.txt"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let object = repo.appendingPathComponent(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))").path
        chmod(object, 0o644)
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: object))
        XCTAssertEqual(try run(["scan", "--history"], in: repo).status, 1, "blocking findings win by default")
        let incomplete = try run(["scan", "--history", "--exit-code", "0"], in: repo)
        XCTAssertEqual(incomplete.status, 2, incomplete.stderr)
        XCTAssertTrue(incomplete.stdout.contains("github-pat-classic"), incomplete.stdout)
        let bad = try run(["scan", "--exit-code", "300", "."], in: repo)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--exit-code must be 0 to 125"), bad.stderr)
    }

    func testAMistypedSubcommandIsNamedAsOne() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        let typo = try run(["sacn"], in: dir)
        XCTAssertEqual(typo.status, 2)
        XCTAssertEqual(typo.stderr, "tokenwarden: error: no such file or subcommand 'sacn'; did you mean scan?\n")
        XCTAssertTrue(try run(["stor"], in: dir).stderr.contains("did you mean store?"))
        XCTAssertTrue(try run(["instal-hook"], in: dir).stderr.contains("did you mean install-hook?"))
        let unknown = try run(["frobnicate"], in: dir)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("no such file or subcommand 'frobnicate' (subcommands: scan, "), unknown.stderr)
        // `scan sacn` names a path: the error is about the file.
        let path = try run(["scan", "sacn"], in: dir)
        XCTAssertEqual(path.status, 2)
        XCTAssertTrue(path.stderr.contains("sacn: No such file or directory"), path.stderr)
        // A file of that name is scanned, as a bare path always was.
        try write("T=\(token)\n", to: "sacn", in: dir)
        XCTAssertEqual(try run(["sacn"], in: dir).status, 1)
    }

    func testStoreAddAtATerminalPromptsWithoutEcho() throws {
        let repo = try makeRepository()
        let store = repo.appendingPathComponent("store.yaml").path
        let args = ["store", "add", "--store", store, "--service", "github", "--id", "ci", "--owner", "me", "--expires", "never"]
        let transcript = try onTerminal(args, in: repo, typing: token)
        XCTAssertTrue(transcript.contains("Token (input hidden, then Enter): "), transcript)
        XCTAssertFalse(transcript.contains(token), "the token was echoed:\n\(transcript)")
        XCTAssertTrue(transcript.contains("exit 0"), transcript)
        let stored = try String(contentsOfFile: store, encoding: .utf8)
        XCTAssertTrue(stored.contains("id: ci"), stored)
        XCTAssertFalse(stored.contains(token))
        // From a pipe: no prompt, the whole input is the token.
        try FileManager.default.removeItem(atPath: store)
        let piped = try run(args, in: repo, stdin: token + "\n")
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertFalse(piped.stderr.contains("input hidden"))
        XCTAssertTrue(try String(contentsOfFile: store, encoding: .utf8).contains("id: ci"))
    }

    func testACatchAllMatchOnADisabledRulesSecretSaysSoAndDoesNotBlock() throws {
        let repo = try makeRepository()
        try write("STRIPE_SECRET_KEY = \"\(stripe)\"\n", to: "app.env", in: repo)
        XCTAssertEqual(try run(["scan", "."], in: repo).status, 1)
        try write("disabled_rules: [stripe-secret-key]\n", to: ".tokenwarden.yaml", in: repo)
        let r = try run(["scan", "--format", "json", "."], in: repo)
        XCTAssertEqual(r.status, 0, r.stderr)
        let findings = try report(r).findings
        XCTAssertEqual(findings.map(\.rule), ["generic-secret-assignment"])
        XCTAssertEqual(findings.first?.disabledRule, "stripe-secret-key")
        XCTAssertEqual(findings.first?.confidence, .low)
        XCTAssertEqual(findings.first?.blocking, false)
        XCTAssertTrue(try run(["scan", "."], in: repo).stdout.contains("[low, rule stripe-secret-key disabled, not blocking]"))
        // A catch-all match elsewhere is untouched.
        try write("api_secret = \"Qm9x7TzL2vR8pW4nK6sJ1dF3hG5\"\n", to: "other.env", in: repo)
        let other = try report(try run(["scan", "--format", "json", "other.env"], in: repo)).findings
        XCTAssertEqual(other.map(\.rule), ["generic-secret-assignment"])
        XCTAssertNil(other.first?.disabledRule)
        XCTAssertEqual(other.first?.blocking, true)
    }

    // MARK: Helpers

    /// Runs tokenwarden on a pseudo-terminal (Python's `pty`), types `typing` and Enter once it asks,
    /// and returns everything the terminal showed, then `exit N`.
    func onTerminal(_ arguments: [String], in directory: URL, typing: String? = nil, environment: [String: String] = [:]) throws
        -> String
    {
        let script = """
            import os, pty, select, sys, time
            pid, fd = pty.fork()
            if pid == 0:
                os.chdir(sys.argv[1])
                os.execv(sys.argv[2], sys.argv[2:])
            out, typing = b"", os.environ.get("TYPING")
            deadline = time.time() + 60
            while time.time() < deadline:
                if typing is not None and b"input hidden" in out:
                    os.write(fd, typing.encode() + b"\\n")
                    typing = None
                ready, _, _ = select.select([fd], [], [], 0.2)
                if ready:
                    try:
                        chunk = os.read(fd, 4096)
                    except OSError:
                        break
                    if not chunk:
                        break
                    out += chunk
            _, status = os.waitpid(pid, 0)
            sys.stdout.write(out.decode("utf-8", "replace") + "\\nexit %d\\n" % os.waitstatus_to_exitcode(status))
            """
        var env = environment
        env["TYPING"] = typing
        let r = try Self.execute(
            "/usr/bin/env", ["python3", "-c", script, directory.path, Self.binary.path] + arguments, in: nil, stdin: nil,
            environment: env)
        if r.status != 0 { throw XCTSkip("python3 with pty is not available: \(r.stderr)") }
        return r.stdout
    }
}
