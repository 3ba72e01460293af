import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// End-to-end: the token store is shared data. Concurrent writers lose nothing, a symlinked
/// store stays linked, a killed writer's leftovers go, big stores load, and no error repeats a
/// value that may be a token.
final class StoreHardeningTests: CLITestCase {
    let github = "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"

    private func storePath(_ repo: URL) -> String { repo.appendingPathComponent(".tokenwarden/store.yaml").path }

    private func ids(_ repo: URL) throws -> [String] {
        let r = try run(["store", "list", "--format", "json"], in: repo)
        XCTAssertEqual(r.status, 0, r.stderr)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return try XCTUnwrap(doc["tokens"] as? [[String: Any]]).compactMap { $0["id"] as? String }
    }

    /// Runs a shell script with `$TW` set to the binary, in `dir`.
    private func shell(_ script: String, in dir: URL) throws -> Run {
        try Self.execute("/bin/sh", ["-c", script], in: dir, stdin: nil, environment: ["TW": Self.binary.path])
    }

    private func add(_ repo: URL, id: String, token: String) throws {
        let r = try run(
            ["store", "add", "--service", "internal", "--id", id, "--owner", "o", "--expires", "never"],
            in: repo, stdin: token + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func testFiftyConcurrentStoreAddsLoseNothing() throws {
        let repo = try makeRepository()
        let r = try shell(
            """
            i=0
            while [ $i -lt 50 ]; do
                ( printf 'QZX9-concurrent-%04d-7f3a1c9e2b4d6f80\\n' $i |
                  "$TW" store add --service internal --id "svc-$i" --owner o --expires never 2>/dev/null || echo "add $i failed" ) &
                i=$((i + 1))
            done
            wait
            """, in: repo)
        XCTAssertEqual(r.stdout, "", "every add exits 0")
        let stored = try ids(repo)
        XCTAssertEqual(stored.count, 50)
        XCTAssertEqual(Set(stored), Set((0..<50).map { "svc-\($0)" }))
    }

    func testRotateBesideAddNeverUndoesTheRotation() throws {
        let repo = try makeRepository()
        let old = "QZX9-rotated-old-00112233445566778899"
        try add(repo, id: "svc", token: old)
        for round in 0..<5 {
            let new = "QZX9-rotated-new-\(round)-aabbccddeeff0011"
            let r = try shell(
                """
                i=0
                while [ $i -lt 8 ]; do
                    ( printf 'QZX9-beside-\(round)-%02d-99887766554433\\n' $i |
                      "$TW" store add --service internal --id "r\(round)-$i" --owner o --expires never 2>/dev/null || echo "add $i failed" ) &
                    if [ $i -eq 3 ]; then
                        ( printf '\(new)\\n' | "$TW" store rotate svc 2>/dev/null || echo "rotate failed" ) &
                    fi
                    i=$((i + 1))
                done
                wait
                """, in: repo)
            XCTAssertEqual(r.stdout, "", "round \(round)")
            let store = try TokenStore.load(path: storePath(repo))
            XCTAssertEqual(
                store.token(id: "svc")?.fingerprint, TokenStore.fingerprint(of: Array(new.utf8), key: nil),
                "round \(round): rotation undone")
            XCTAssertEqual(store.tokens.count, 1 + 8 * (round + 1))
        }
        // The revoked value is no longer a registered token.
        try write("upstream: \(old)\n", to: "conf.yaml", in: repo)
        let scan = try run(["scan", "-f", "jsonl", "conf.yaml"], in: repo)
        XCTAssertFalse(scan.stdout.contains("\"token_id\":\"svc\""), scan.stdout)
    }

    func testASymlinkedStoreIsUpdatedWhereTheLinkPoints() throws {
        let repo = try makeRepository()
        let shared = repo.appendingPathComponent("team/store.yaml")
        try FileManager.default.createDirectory(at: shared.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: repo.appendingPathComponent(".tokenwarden"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: storePath(repo), withDestinationPath: "../team/store.yaml")
        try add(repo, id: "first", token: "QZX9-linked-first-0011223344556677")
        try add(repo, id: "second", token: "QZX9-linked-second-8899aabbccddeeff")
        XCTAssertEqual(
            try FileManager.default.destinationOfSymbolicLink(atPath: storePath(repo)), "../team/store.yaml",
            "the link is still a link")
        let text = try String(contentsOf: shared, encoding: .utf8)
        XCTAssertTrue(text.contains("id: first") && text.contains("id: second"), text)
        let mode = try FileManager.default.attributesOfItem(atPath: shared.path)[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o600)
        // The lock and temporary files live beside the target, not beside the link.
        XCTAssertTrue(FileManager.default.fileExists(atPath: shared.path + ".lock"))
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: repo.appendingPathComponent(".tokenwarden").path), ["store.yaml"])
        XCTAssertEqual(try run(["store", "remove", "first"], in: repo).status, 0)
        XCTAssertEqual(try ids(repo), ["second"])
    }

    func testTemporaryFilesOfAKilledWriteAreRemovedByTheNextWrite() throws {
        let repo = try makeRepository()
        for i in 0..<20 { try add(repo, id: "svc-\(i)", token: "QZX9-killed-\(i)-00112233445566778899") }
        let before = try String(contentsOfFile: storePath(repo), encoding: .utf8)
        XCTAssertGreaterThan(before.utf8.count, 2048)
        // A 1-block file size limit kills tokenwarden (SIGXFSZ) while it writes the new store.
        let killed = try shell(
            """
            printf 'QZX9-killed-new-aabbccddeeff00112233\\n' > token.txt
            ulimit -f 1
            exec "$TW" store add --service internal --id new --owner o --expires never < token.txt
            """, in: repo)
        XCTAssertNotEqual(killed.status, 0)
        XCTAssertEqual(try String(contentsOfFile: storePath(repo), encoding: .utf8), before, "the old store is intact")
        let dir = repo.appendingPathComponent(".tokenwarden").path
        func leftovers() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") } }
        XCTAssertEqual(try leftovers().count, 1, "the kill left its temporary file")
        // One more left by hand, as an older kill would have.
        try Data("partial".utf8).write(to: URL(fileURLWithPath: dir + "/.store.yaml.tmp-Ab12Cd"))
        try add(repo, id: "new", token: "QZX9-killed-new-aabbccddeeff00112233")
        XCTAssertEqual(try leftovers(), [])
        XCTAssertEqual(try ids(repo).count, 21)
    }

    func testAStoreOfTwentyThousandTokensFindsTheRegisteredOnes() throws {
        let repo = try makeRepository()
        let count = 20_000
        func token(_ i: Int) -> String { String(format: "QZX9-bulk-%05d-7f3a1c9e2b4d6f80a1c3", i) }
        var yaml = "version: 1\npolicy:\n  max_age_days: 0\n  require_expiry: false\n  warn_expiring_days: 14\ntokens:\n"
        for i in 0..<count {
            yaml +=
                "- id: bulk-\(i)\n  service: internal\n  fingerprint: sha256:\(Fingerprint.sha256Hex(Array(token(i).utf8)))\n"
                + "  length: \(token(i).utf8.count)\n  charset: token\n  owner: team-\(i % 7)\n  scopes: []\n"
                + "  created: 2026-01-01\n  expires: never\n"
        }
        try write(yaml, to: ".tokenwarden/store.yaml", in: repo)
        try write("a = \(token(0))\nb = \(token(12_345))\nc = \(token(count - 1))\nd = \(token(count))\n", to: "conf.txt", in: repo)
        let scan = try run(["scan", "-f", "jsonl", "conf.txt"], in: repo)
        XCTAssertEqual(scan.status, 1, scan.stderr)
        let found = scan.stdout.split(separator: "\n").compactMap { line -> String? in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["token_id"] as? String
        }
        XCTAssertEqual(found.sorted(), ["bulk-0", "bulk-12345", "bulk-19999"], scan.stdout)
        XCTAssertFalse(scan.stdout.contains(token(count)), "the unregistered one is no finding of a registered token")
        // Writes keep every entry.
        try add(repo, id: "one-more", token: token(count))
        XCTAssertEqual(try TokenStore.load(path: storePath(repo)).tokens.count, count + 1)
    }

    func testErrorsNeverRepeatAValueThatMayBeAToken() throws {
        let repo = try makeRepository()
        try add(repo, id: "gh", token: "QZX9-echo-00112233445566778899aabb")
        let cases: [([String], String?, String)] = [
            (["store", "rotate", github], "QZX9-echo-new-0011223344556677", "no token has the id given (40 characters"),
            (["store", "remove", github], nil, "no token has the id given (40 characters"),
            (
                ["store", "rotate", "gh", "--expires", github], "QZX9-echo-new-0011223344556677",
                "--expires must be a date like 2026-12-31 or 'never' (the value given has 40 characters)"
            ),
            (
                ["store", "add", "--service", "github", "--id", "x", "--owner", "o", "--expires", github], "QZX9-echo-x-0011223344556677",
                "the value given has 40 characters"
            ),
            (
                ["store", "add", "--service", "github", "--id", "x", "--owner", "o", "--expires", "never", "--created", github],
                "QZX9-echo-x-0011223344556677", "--created must be a date"
            ),
        ]
        for (args, stdin, expected) in cases {
            let r = try run(args, in: repo, stdin: stdin)
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(expected), "\(expected) not in \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("ghp_") || r.stdout.contains("ghp_"), r.stderr)
        }
    }

    func testCheckEnvIgnoresWorkDirectoriesAndPathsButNotCredentialNames() throws {
        let repo = try makeRepository()
        try add(repo, id: "svc", token: "QZX9-env-00112233445566778899aabb")
        let random = "Kx3vB9qLm2Tz7Wn4Rp8Yd1Fh6Js0Gc5Na3Ve9Ub2Xo"
        let quiet = try run(
            ["store", "check-env"], in: repo,
            environment: [
                "PWD": "/home/runner/work/\(random)/repo", "OLDPWD": "/builds/\(random)",
                "HOME": "/home/\(random)", "PATH": "/opt/\(random)/bin:/usr/bin:/bin",
            ])
        XCTAssertEqual(quiet.status, 0, quiet.stdout + quiet.stderr)
        XCTAssertFalse(quiet.stdout.contains("unknown"), quiet.stdout)
        // A credential-named variable is still checked.
        let loud = try run(
            ["store", "check-env"], in: repo, environment: ["PWD": "/home/runner/work/\(random)/repo", "DEPLOY_TOKEN": github])
        XCTAssertEqual(loud.status, 1, loud.stdout)
        XCTAssertTrue(loud.stdout.contains("DEPLOY_TOKEN\tunknown"), loud.stdout)
        XCTAssertFalse(loud.stdout.contains("PWD"), loud.stdout)
    }

    func testNegativePolicyDaysAreRejected() throws {
        let repo = try makeRepository()
        try write("x = 1\n", to: "a.txt", in: repo)
        for (key, file) in [
            ("max_age_days", "store"), ("warn_expiring_days", "store"), ("max_age_days", "config"), ("warn_expiring_days", "config"),
        ] {
            let policy = "policy:\n  \(key): -30\n"
            let args: [String]
            if file == "store" {
                try write("version: 1\n\(policy)tokens: []\n", to: "store.yaml", in: repo)
                args = ["scan", "--store", "store.yaml", "a.txt"]
            } else {
                try write("version: 1\n\(policy)", to: "config.yaml", in: repo)
                args = ["scan", "--config", "config.yaml", "a.txt"]
            }
            let r = try run(args, in: repo)
            XCTAssertEqual(r.status, 2, "\(key) in \(file): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
            XCTAssertTrue(r.stderr.contains("\(file).yaml:3: '\(key)' must be a number of days, 0 or more"), r.stderr)
        }
    }
}
