import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// A scanned repository is attacker-controlled, its `.git/config` included: no mode may run a
/// program the repository names, or write outside it.
final class HostileRepositoryTests: CLITestCase {
    let token = "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"

    /// A repository whose configuration names a marker-writing program in every place git could
    /// run one, with history that makes git want to use them: a signed commit, a merge, an
    /// attribute-selected filter and diff driver, a missing object of a promisor remote, hooks.
    private func makeHostileRepository(markers: URL) throws -> URL {
        let repo = try makeRepository()
        try write("*.txt filter=evil diff=evil merge=evil\n", to: ".gitattributes", in: repo)
        try write("hello\n", to: "notes.txt", in: repo)
        try git(["add", "-A"], in: repo)
        try git(["commit", "-qm", "init"], in: repo)
        try write("hello\nTOKEN=\(token)\n", to: "notes.txt", in: repo)
        try git(["commit", "-qam", "second"], in: repo)
        // A commit with a signature header, so that log.showSignature has something to verify.
        let raw = try git(["cat-file", "commit", "HEAD"], in: repo).stdout
        let signed = raw.replacingOccurrences(
            of: "\n\nsecond", with: "\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n -----END PGP SIGNATURE-----\n\nsigned")
        let object = try Self.execute("/bin/sh", ["-c", "git hash-object -t commit -w --stdin"], in: repo, stdin: signed, environment: [:])
        try git(["update-ref", "HEAD", object.stdout.trimmingCharacters(in: .whitespacesAndNewlines)], in: repo)
        // A signed commit no ref reaches, for --all-objects' walk of unreachable commits.
        let dangling = signed.replacingOccurrences(of: "\n\nsigned", with: "\n\ndangling")
        _ = try Self.execute("/bin/sh", ["-c", "git hash-object -t commit -w --stdin"], in: repo, stdin: dangling, environment: [:])
        // A merge commit, for range modes that diff merges.
        try git(["checkout", "-qb", "side"], in: repo)
        try write("side\n", to: "side.txt", in: repo)
        try git(["add", "side.txt"], in: repo)
        try git(["commit", "-qm", "side"], in: repo)
        try git(["checkout", "-q", "main"], in: repo)
        try git(["merge", "-q", "--no-ff", "-m", "merge", "side"], in: repo)
        // Staged and untracked changes for --staged and work-tree scans.
        try write("hello\nTOKEN=\(token)\nmore\n", to: "notes.txt", in: repo)
        try git(["add", "notes.txt"], in: repo)
        try write("untracked\n", to: "new.txt", in: repo)
        // A blob referenced by a commit but missing locally: git would fetch it from the promisor remote.
        let missing = try Self.execute(
            "/bin/sh", ["-c", "printf 'lost TOKEN=\(token)\\n' | git hash-object -w --stdin"], in: repo, stdin: nil, environment: [:]
        )
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let tree = try Self.execute(
            "/bin/sh", ["-c", "printf '100644 blob \(missing)\\tlost.txt\\n' | git mktree"], in: repo, stdin: nil, environment: [:]
        )
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let lost = try git(["commit-tree", tree, "-m", "lost"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try git(["update-ref", "refs/heads/lost", lost], in: repo)
        try FileManager.default.removeItem(at: repo.appendingPathComponent(".git/objects/\(missing.prefix(2))/\(missing.dropFirst(2))"))

        // Hooks that would fire if git ran any, in both the default and the configured hook directory.
        for dir in [".git/hooks", "evil-hooks"] {
            for hook in ["pre-commit", "post-checkout", "post-index-change", "reference-transaction", "pre-auto-gc", "post-rewrite"] {
                let path = repo.appendingPathComponent("\(dir)/\(hook)")
                try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data("#!/bin/sh\ntouch '\(markers.path)/hook-\(hook)'\n".utf8).write(to: path)
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
            }
        }
        // Each program is a script outside the repository that leaves a marker named after it
        // (some settings run a shell command, some an executable path: a script path is both).
        let bin = try TestSupport.temporaryDirectory(self)
        func touch(_ name: String) throws -> String {
            let script = bin.appendingPathComponent(name)
            try Data("#!/bin/sh\ntouch '\(markers.path)/\(name)'\ncat >/dev/null 2>&1 </dev/null\nexit 1\n".utf8).write(to: script)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
            return script.path
        }
        let config = """
            [core]
            \tfsmonitor = \(try touch("fsmonitor"))
            \tpager = \(try touch("pager"))
            \thooksPath = evil-hooks
            \tsshCommand = \(try touch("ssh"))
            \taskPass = \(try touch("askpass"))
            \talternateRefsCommand = \(try touch("alternate-refs"))
            [pager]
            \tlog = \(try touch("pager-log"))
            \tdiff = \(try touch("pager-diff"))
            [log]
            \tshowSignature = true
            [gpg]
            \tprogram = \(try touch("gpg"))
            [gpg "ssh"]
            \tprogram = \(try touch("gpg-ssh"))
            [diff]
            \texternal = \(try touch("diff-external"))
            [diff "evil"]
            \ttextconv = \(try touch("textconv"))
            \tcommand = \(try touch("diff-command"))
            [filter "evil"]
            \tclean = \(try touch("filter-clean"))
            \tsmudge = \(try touch("filter-smudge"))
            \tprocess = \(try touch("filter-process"))
            \trequired = true
            [merge "evil"]
            \tdriver = \(try touch("merge-driver"))
            [credential]
            \thelper = !\(try touch("credential"))
            [uploadpack]
            \tpackObjectsHook = \(try touch("pack-objects-hook"))
            [protocol "ext"]
            \tallow = always
            [protocol "file"]
            \tallow = always
            [remote "origin"]
            \turl = ext::sh -c \(try touch("ext-remote"))
            \tpromisor = true
            \tpartialclonefilter = blob:none
            [extensions]
            \tpartialClone = origin

            """
        let configURL = repo.appendingPathComponent(".git/config")
        let existing = try String(contentsOf: configURL, encoding: .utf8)
        try Data((existing.replacingOccurrences(of: "repositoryformatversion = 0", with: "repositoryformatversion = 1") + config).utf8)
            .write(to: configURL)
        return repo
    }

    func testNoModeRunsAProgramTheRepositoryConfigures() throws {
        let markers = try TestSupport.temporaryDirectory(self)
        let repo = try makeHostileRepository(markers: markers)
        // The setup itself must not have fired anything (else the check below proves nothing).
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: markers.path), [])
        // Prove the bait works: plain git, with the repository's configuration, does run these.
        _ = try Self.execute(
            "/bin/sh",
            [
                "-c",
                "git log >/dev/null 2>&1; git log -p >/dev/null 2>&1; git status >/dev/null 2>&1; git cat-file -p lost:lost.txt >/dev/null 2>&1",
            ],
            in: repo, stdin: nil, environment: [:])
        let baited = try FileManager.default.contentsOfDirectory(atPath: markers.path)
        XCTAssertTrue(
            baited.contains("gpg") && baited.contains("fsmonitor") && baited.contains("ext-remote"), "bait did not fire: \(baited)")
        for name in baited { try FileManager.default.removeItem(at: markers.appendingPathComponent(name)) }
        // An audit list naming it in place and as a file:// clone URL (cloned through the same runner).
        let list = try TestSupport.temporaryDirectory(self).appendingPathComponent("repos.txt")
        try Data("\(repo.path)\nfile://\(repo.path)\n".utf8).write(to: list)

        let runs: [[String]] = [
            ["scan"],
            ["scan", "--staged"],
            ["scan", "--diff", "HEAD~2..HEAD"],
            ["scan", "--since", "HEAD~2"],
            ["scan", "--history"],
            ["scan", "--history", "--all"],
            ["scan", "--history", "--all-objects"],
            ["scan", "--history", "--branches", "--format", "sarif"],
            ["scan", "--repos", list.path, "--all"],
            ["baseline", "create", "--output", "baseline.json"],
            ["baseline", "create", "--history", "--all", "--output", "baseline-history.json"],
            ["install-hook", "--force"],
        ]
        for args in runs {
            let r = try run(args, in: repo)
            XCTAssertNotEqual(r.status, 127, "\(args): \(r.stderr)")
            let fired = try FileManager.default.contentsOfDirectory(atPath: markers.path)
            XCTAssertEqual(fired, [], "tokenwarden \(args.joined(separator: " ")) ran repository-configured programs: \(fired)")
        }
        // The scans still worked: the work tree and history secrets were found.
        let history = try run(["scan", "--history", "--all", "--format", "json"], in: repo)
        XCTAssertEqual(history.status, 1, history.stderr)
        XCTAssertTrue(history.stdout.contains("\"rule\""), history.stdout)
        // The blob the partial clone lacks is a counted skip, never fetched (and never a dead cat-file).
        let skipped = try report(history).skipped
        XCTAssertEqual(skipped.filter { $0.path == "lost.txt" }.map(\.reason), [.missing], "\(skipped)")
        // --all-objects walked the unreachable signed commit and found the blob only the index holds.
        let everything = try report(try run(["scan", "--history", "--all-objects", "--format", "json"], in: repo)).findings
        XCTAssertTrue(everything.contains { $0.isUnreachable && $0.path.hasPrefix("<unreachable blob ") }, "\(everything.map(\.path))")
    }

    func testInstallHookRefusesAHooksPathOutsideTheRepository() throws {
        let repo = try makeRepository()
        let elsewhere = try TestSupport.temporaryDirectory(self)
        try git(["config", "core.hooksPath", elsewhere.path], in: repo)
        let r = try run(["install-hook"], in: repo)
        XCTAssertEqual(r.status, 2, r.stdout + r.stderr)
        XCTAssertTrue(r.stderr.contains("core.hooksPath"), r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
        // A symlink inside the tree that leads out is no way around it.
        try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent("hooks").path, withDestinationPath: elsewhere.path)
        try git(["config", "core.hooksPath", "hooks"], in: repo)
        XCTAssertEqual(try run(["install-hook"], in: repo).status, 2)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
        // Inside the repository it is honoured.
        try git(["config", "core.hooksPath", ".githooks"], in: repo)
        let ok = try run(["install-hook"], in: repo)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: repo.appendingPathComponent(".githooks/pre-commit").path))
    }
}
