import Foundation
import TokenWardenTestSupport
import XCTest

/// The hooks of `.pre-commit-hooks.yaml` run by the real pre-commit framework (installed from PyPI into
/// `.build/pre-commit-venv`), with a clone of this checkout as the hook source, as a user's
/// `.pre-commit-config.yaml` names it. The `tokenwarden` (language: system) hook runs the binary these
/// tests were built with; the `tokenwarden-build` (language: swift) hook builds tokenwarden in
/// pre-commit's cache, a full release build: `testBuildHook…` runs only with TOKENWARDEN_TEST_SWIFT_HOOK=1
/// (`make hook-check`, which .ci/run runs).
final class PreCommitFrameworkTests: CLITestCase {
    let token = "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"
    static let preCommitVersion = "4.7.0"
    static let swiftHookVariable = "TOKENWARDEN_TEST_SWIFT_HOOK"

    /// `pre-commit` from PyPI in a virtualenv under .build, made once and reused.
    static let preCommit: Result<URL, SetupError> = {
        let venv = TestSupport.packageRoot.appendingPathComponent(".build/pre-commit-venv")
        let executable = venv.appendingPathComponent("bin/pre-commit")
        do {
            let installed = try? execute(executable.path, ["--version"], in: nil, stdin: nil, environment: [:])
            if installed?.stdout == "pre-commit \(preCommitVersion)\n" { return .success(executable) }
            let made = try execute("/usr/bin/env", ["python3", "-m", "venv", "--clear", venv.path], in: nil, stdin: nil, environment: [:])
            guard made.status == 0 else { return .failure(SetupError("python3 -m venv failed: \(made.stderr)")) }
            let pip = try execute(
                venv.appendingPathComponent("bin/pip").path, ["install", "--quiet", "pre-commit==\(preCommitVersion)"], in: nil,
                stdin: nil, environment: [:])
            guard pip.status == 0 else { return .failure(SetupError("pip install pre-commit==\(preCommitVersion) failed: \(pip.stderr)")) }
            return .success(executable)
        } catch {
            return .failure(SetupError("installing pre-commit: \(error)"))
        }
    }()

    struct SetupError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// A clone of this checkout at its current commit, with the working copy's hook manifest, as the hook source.
    func hookSource() throws -> (url: URL, rev: String) {
        let clone = try TestSupport.temporaryDirectory(self).appendingPathComponent("tokenwarden")
        try git(["clone", "-q", "--depth", "1", "file://\(TestSupport.packageRoot.path)", clone.path], in: TestSupport.packageRoot)
        let manifest = ".pre-commit-hooks.yaml"
        try FileManager.default.removeItem(at: clone.appendingPathComponent(manifest))
        try FileManager.default.copyItem(
            at: TestSupport.packageRoot.appendingPathComponent(manifest), to: clone.appendingPathComponent(manifest))
        if try !git(["status", "--porcelain"], in: clone).stdout.isEmpty {
            try git(["commit", "-qam", "working copy's hook manifest"], in: clone)
        }
        let rev = try git(["rev-parse", "HEAD"], in: clone).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return (clone, rev)
    }

    /// A repository whose `.pre-commit-config.yaml` uses the hook `id` from `source` (with `args`, when given),
    /// with pre-commit installed for the pre-commit and pre-push stages.
    func repository(using id: String, from source: (url: URL, rev: String), args: String? = nil) throws -> URL {
        let repo = try makeRepository()
        try write(
            """
            repos:
              - repo: \(source.url.path)
                rev: \(source.rev)
                hooks:
                  - id: \(id)
            """ + (args.map { "\n        args: \($0)" } ?? "") + "\n", to: ".pre-commit-config.yaml", in: repo)
        try commitAll(repo, "pre-commit config")
        XCTAssertEqual(try preCommit(["install", "--hook-type", "pre-commit", "--hook-type", "pre-push"], in: repo).status, 0)
        return repo
    }

    var cache: URL {
        get throws { try TestSupport.temporaryDirectory(self).appendingPathComponent("pre-commit-cache") }
    }

    /// The environment of a user's shell: the debug tokenwarden first on PATH (the system hook's), pre-commit's
    /// cache and the temporary directory in this test's directory.
    lazy var environment: [String: String] = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return [
            "PATH": Self.binary.deletingLastPathComponent().path + ":" + path,
            "PRE_COMMIT_HOME": (try? cache.path) ?? "",
            "PRE_COMMIT_COLOR": "never",
            // SwiftPM (the swift hook's build) leaves lock files in the temporary directory: keep them in this test's.
            "TMPDIR": (try? TestSupport.temporaryDirectory(self).path) ?? NSTemporaryDirectory(),
        ]
    }()

    @discardableResult
    func preCommit(_ arguments: [String], in repo: URL) throws -> Run {
        try Self.execute(try Self.preCommit.get().path, arguments, in: repo, stdin: nil, environment: environment)
    }

    /// `git` as a user runs it, with pre-commit's hooks.
    func gitWithHooks(_ arguments: [String], in repo: URL) throws -> Run {
        try Self.execute("/usr/bin/env", ["git"] + arguments, in: repo, stdin: nil, environment: environment)
    }

    func assertBlocked(_ r: Run, finding: String, file: StaticString = #filePath, line: UInt = #line) {
        let output = r.stdout + r.stderr
        XCTAssertNotEqual(r.status, 0, output, file: file, line: line)
        XCTAssertTrue(output.contains("tokenwarden (secrets"), output, file: file, line: line)
        XCTAssertTrue(output.contains("Failed"), output, file: file, line: line)
        XCTAssertTrue(output.contains(finding), output, file: file, line: line)
        XCTAssertFalse(output.contains(token), "the full secret was printed", file: file, line: line)
    }

    // MARK: the system hook

    func testSystemHookBlocksACommitWithASecretAndPassesACleanOne() throws {
        let repo = try repository(using: "tokenwarden", from: try hookSource())
        try write("TOKEN=\(token)\n", to: "leak.env", in: repo)
        try git(["add", "leak.env"], in: repo)
        assertBlocked(try gitWithHooks(["commit", "-qm", "leak"], in: repo), finding: "leak.env:1:7: github-pat-classic")
        XCTAssertEqual(try git(["rev-list", "--count", "HEAD"], in: repo).stdout, "1\n", "the commit was blocked")

        try git(["rm", "-q", "--cached", "leak.env"], in: repo)
        try FileManager.default.removeItem(at: repo.appendingPathComponent("leak.env"))
        try write("print('hello')\n", to: "app.py", in: repo)
        try git(["add", "app.py"], in: repo)
        let clean = try gitWithHooks(["commit", "-qm", "clean"], in: repo)
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertTrue((clean.stdout + clean.stderr).contains("Passed"), clean.stdout + clean.stderr)
        XCTAssertEqual(try git(["rev-list", "--count", "HEAD"], in: repo).stdout, "2\n")
    }

    func testAllFilesFailsOnASecretAlreadyCommitted() throws {
        let repo = try repository(using: "tokenwarden", from: try hookSource())
        try write("print('hello')\n", to: "app.py", in: repo)
        try commitAll(repo, "clean")
        let clean = try preCommit(["run", "--all-files"], in: repo)
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)

        try write("TOKEN=\(token)\n", to: "config/leak.env", in: repo)
        try commitAll(repo, "leak, committed without the hook")
        assertBlocked(try preCommit(["run", "--all-files"], in: repo), finding: "config/leak.env:1:7: github-pat-classic")
    }

    func testFromRefToRefFailsOnARangeThatAddedASecretEvenWhenALaterCommitRemovedIt() throws {
        let repo = try repository(using: "tokenwarden", from: try hookSource())
        try write("print('hello')\n", to: "app.py", in: repo)
        try commitAll(repo, "clean")
        let base = try git(["rev-parse", "HEAD"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try write("TOKEN=\(token)\n", to: "leak.env", in: repo)
        try commitAll(repo, "leak")
        try git(["rm", "-q", "leak.env"], in: repo)
        try git(["commit", "-qm", "remove the leak (it stays in history)", "--no-verify"], in: repo)

        assertBlocked(
            try preCommit(["run", "--from-ref", base, "--to-ref", "HEAD"], in: repo), finding: "leak.env:1:7: github-pat-classic")
        let before = try preCommit(["run", "--from-ref", "HEAD~3", "--to-ref", base], in: repo)
        XCTAssertEqual(before.status, 0, "the range before the leak is clean: " + before.stdout + before.stderr)
    }

    func testPrePushStageBlocksPushingACommitWithASecret() throws {
        let repo = try repository(using: "tokenwarden", from: try hookSource())
        let remote = try TestSupport.temporaryDirectory(self).appendingPathComponent("remote.git")
        try git(["init", "-q", "--bare", remote.path], in: repo)
        try git(["remote", "add", "origin", remote.path], in: repo)
        try write("print('hello')\n", to: "app.py", in: repo)
        try commitAll(repo, "clean")
        let clean = try gitWithHooks(["push", "-q", "origin", "main"], in: repo)
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)

        try write("TOKEN=\(token)\n", to: "leak.env", in: repo)
        try commitAll(repo, "leak, committed without the hook")
        assertBlocked(try gitWithHooks(["push", "-q", "origin", "main"], in: repo), finding: "leak.env:1:7: github-pat-classic")
        let remoteHead = try git(["rev-parse", "main"], in: remote).stdout
        XCTAssertEqual(remoteHead, try git(["rev-parse", "HEAD~1"], in: repo).stdout, "the push was refused")
    }

    func testArgsBeforeTheSeparatorAreScanOptionsAndFileNamesAfterItStayFileNames() throws {
        let repo = try repository(using: "tokenwarden", from: try hookSource(), args: "[--format, json, --]")
        // A hostile name: read as the flag, it would print the secret in full.
        try write("TOKEN=\(token)\n", to: "--show-secrets", in: repo)
        try commitAll(repo, "leak")
        let r = try preCommit(["run", "--all-files", "--verbose"], in: repo)
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("\"path\" : \"--show-secrets\""), "the args' --format json applied: \(r.stdout)")
        XCTAssertFalse(r.stdout.contains(token), "a file name was read as --show-secrets")
    }

    // MARK: the swift hook (builds tokenwarden)

    func testBuildHookBuildsTokenwardenAndBlocksACommitWithASecret() throws {
        guard ProcessInfo.processInfo.environment[Self.swiftHookVariable] == "1" else {
            throw XCTSkip(
                "a full release build inside pre-commit's cache: set \(Self.swiftHookVariable)=1 (make hook-check, run by .ci/run)")
        }
        let repo = try repository(using: "tokenwarden-build", from: try hookSource())
        // Without the debug build on PATH: the hook must find the tokenwarden it built. The system git config
        // is read here, as a user's git reads it (it may point package URLs at a local mirror).
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        environment["GIT_CONFIG_NOSYSTEM"] = "0"
        let started = Date()
        let installed = try preCommit(["install-hooks"], in: repo)
        XCTAssertEqual(installed.status, 0, installed.stdout + installed.stderr)
        print("PreCommitFrameworkTests: pre-commit built the tokenwarden-build hook in \(Int(Date().timeIntervalSince(started))) s")

        try write("TOKEN=\(token)\n", to: "leak.env", in: repo)
        try git(["add", "leak.env"], in: repo)
        assertBlocked(try gitWithHooks(["commit", "-qm", "leak"], in: repo), finding: "leak.env:1:7: github-pat-classic")
        try git(["rm", "-q", "--cached", "leak.env"], in: repo)
        try write("print('hello')\n", to: "app.py", in: repo)
        try git(["add", "app.py"], in: repo)
        let clean = try gitWithHooks(["commit", "-qm", "clean"], in: repo)
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
    }
}
