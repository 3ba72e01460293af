import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// Org-wide audits (docs/scale-out.md): N shard jobs, run here as N concurrent processes, merge into
/// the report one process writes; the manifests in the doc are parsed and their own commands run.
final class ScaleOutTests: CLITestCase {
    let token = "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"
    let other = "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"

    // MARK: Fixtures

    /// A history with secrets added, kept across commits (one finding at its oldest commit), renamed,
    /// deleted, and in a commit message.
    private func makeHistory(_ name: String = "repo", in parent: URL? = nil, secrets: Int = 6) throws -> URL {
        let repo: URL
        if let parent {
            repo = parent.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
            try git(["init", "-q", "-b", "main"], in: repo)
        } else {
            repo = try makeRepository()
        }
        for i in 0..<secrets {
            try write("n=\(i)\nTOKEN=\(i % 2 == 0 ? token : other)\n", to: "config/f\(i).env", in: repo)
            // One path, a binary blob in every commit: each is a skip of its own, in whichever shard owns it.
            try write("PNG\u{0}\(i)", to: "logo.png", in: repo)
            try commitAll(repo, "c\(i)")
        }
        try write("n=kept\nTOKEN=\(token)\n", to: "config/f0.env", in: repo)
        try commitAll(repo, "keep the secret, change the file")
        try git(["mv", "config/f1.env", "config/renamed.env"], in: repo)
        try commitAll(repo, "rename")
        try FileManager.default.removeItem(at: repo.appendingPathComponent("config/f2.env"))
        try commitAll(repo, "delete")
        try write("x\n", to: "notes.txt", in: repo)
        try git(["add", "-A"], in: repo)
        try git(["commit", "-qm", "deploy\n\nGITHUB_TOKEN=\(other)", "--no-verify"], in: repo)
        return repo
    }

    /// Runs each command line at once, one thread a process, as a Job's pods or a matrix's jobs run.
    private func concurrently(_ commands: [(executable: String, arguments: [String], directory: URL?, environment: [String: String])])
        throws
        -> [Run]
    {
        let results = LockedBox<[Int: Result<Run, Error>]>([:])
        let group = DispatchGroup()
        for (i, command) in commands.enumerated() {
            group.enter()
            Thread {
                let outcome = Result {
                    try Self.execute(
                        command.executable, command.arguments, in: command.directory, stdin: nil, environment: command.environment)
                }
                results.update { $0[i] = outcome }
                group.leave()
            }.start()
        }
        group.wait()
        return try (0..<commands.count).map { try XCTUnwrap(results.value[$0]).get() }
    }

    /// A JSON report as plain values, without the one field shards may not agree on.
    private func comparable(_ json: String, file: StaticString = #filePath, line: UInt = #line) throws -> NSDictionary {
        var doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], json, file: file, line: line)
        var summary = try XCTUnwrap(doc["summary"] as? [String: Any], file: file, line: line)
        XCTAssertNotNil(summary.removeValue(forKey: "duration_ms"), file: file, line: line)
        doc["summary"] = summary
        return doc as NSDictionary
    }

    private func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    // MARK: N processes, one merge

    func testShardedHistoryJobsMergeIntoTheSingleProcessReport() throws {
        let repo = try makeHistory()
        let single = try run(["scan", "--history", "--format", "json"], in: repo)
        XCTAssertEqual(single.status, 1, single.stderr)
        let whole = try comparable(single.stdout)
        XCTAssertGreaterThanOrEqual((whole["findings"] as? [Any])?.count ?? 0, 5, "the history has secrets to split")
        XCTAssertEqual((whole["skipped"] as? [[String: Any]])?.filter { $0["path"] as? String == "logo.png" }.count, 6)
        let out = try TestSupport.temporaryDirectory(self)
        for n in [2, 3, 5] {
            let jobs = try concurrently(
                (1...n).map { k in
                    (Self.binary.path, ["scan", "--history", "--shard", "\(k)/\(n)", "--format", "json"], repo, [:])
                })
            var paths: [String] = []
            for (k, job) in zip(1..., jobs) {
                XCTAssertNotEqual(job.status, 2, job.stderr)
                XCTAssertEqual(try report(job).scope?.shard, Shard(index: k, count: n))
                let path = out.appendingPathComponent("n\(n)-shard-\(k).json")
                try Data(job.stdout.utf8).write(to: path)
                paths.append(path.path)
            }
            let merged = try run(["merge"] + paths.reversed())
            XCTAssertEqual(merged.status, 1, merged.stderr)
            XCTAssertEqual(try comparable(merged.stdout), whole, "\(n) shards")
        }
    }

    func testMergeRefusesMissingRepeatedAndForeignShardsFromTheCommandLine() throws {
        let repo = try makeHistory(secrets: 4)
        let out = try TestSupport.temporaryDirectory(self)
        func shard(_ spec: String, name: String) throws -> String {
            let r = try run(["scan", "--history", "--shard", spec, "--report", "json:\(out.path)/\(name)"], in: repo)
            XCTAssertNotEqual(r.status, 2, r.stderr)
            return out.appendingPathComponent(name).path
        }
        let s1 = try shard("1/3", name: "s1.json"), s2 = try shard("2/3", name: "s2.json"), s3 = try shard("3/3", name: "s3.json")
        let half = try shard("1/2", name: "half.json")
        func refused(_ reports: [String], _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
            let r = try run(["merge"] + reports)
            XCTAssertEqual(r.status, 2, r.stderr, file: file, line: line)
            XCTAssertEqual(r.stdout, "", "nothing is written", file: file, line: line)
            XCTAssertEqual(r.stderr, "tokenwarden: error: \(message)\n", file: file, line: line)
        }
        try refused([s1, s3], "missing shard 2/3 (given 1/3, 3/3); merge all 3 or pass --allow-partial")
        try refused([s1, s2, s3, s2], "shard 2/3 is given twice (\(s2) and \(s2)): each shard merges once")
        try refused([s1, s2, s3, half], "\(half) is shard 1/2 but \(s1) is shard 1/3: shards of different splits do not merge")
        // Shard 3 scanned after a push: another input.
        try write("late\n", to: "late.txt", in: repo)
        try commitAll(repo, "pushed between the jobs")
        let late = try shard("3/3", name: "late.json")
        let r = try run(["merge", s1, s2, late])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.hasPrefix("tokenwarden: error: \(late) and \(s1) scanned different inputs (history of "), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        // Other settings: a stricter config in one job.
        let strict = try run(
            ["scan", "--history", "--shard", "3/3", "--decode-depth", "0", "--report", "json:\(out.path)/d.json"], in: repo)
        XCTAssertNotEqual(strict.status, 2, strict.stderr)
        let settings = try run(["merge", out.appendingPathComponent("d.json").path, late])
        XCTAssertTrue(settings.stderr.contains("were scanned with different rules or settings"), settings.stderr)

        // --allow-partial: merged, marked, loud, and never a clean exit.
        let partialPath = out.appendingPathComponent("partial.json").path
        let partial = try run(["merge", s1, s3, "--allow-partial", "--output", partialPath])
        XCTAssertTrue(
            partial.stderr.contains(
                "tokenwarden: warning: PARTIAL MERGE: shards 2/3 are missing; their findings are not in this report"), partial.stderr)
        XCTAssertNotEqual(partial.status, 0)
        let scope = try XCTUnwrap(
            (try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: partialPath))) as? [String: Any])?["scope"]
                as? [String: Any])
        XCTAssertEqual(scope["partial"] as? Bool, true)
        XCTAssertEqual(scope["missing_shards"] as? [String], ["2/3"])
    }

    // MARK: --repos

    /// Repositories as an org keeps them: work trees, a bare mirror, `file://` clone URLs.
    private func makeOrganisation() throws -> (list: URL, root: URL) {
        let root = try TestSupport.temporaryDirectory(self)
        let api = try makeHistory("api", in: root, secrets: 4)
        _ = try makeHistory("web", in: root, secrets: 3)
        let tools = try makeHistory("tools", in: root, secrets: 5)
        try git(["clone", "-q", "--bare", api.path, root.appendingPathComponent("mirrors/api.git").path], in: root)
        try git(["clone", "-q", "--bare", tools.path, root.appendingPathComponent("served/tools.git").path], in: root)
        let list = root.appendingPathComponent("lists/repos.txt")
        try write(
            """
            # the organisation
            ../api
            ../web/

            ../mirrors/api.git
            file://\(root.path)/served/tools.git
            """, to: "lists/repos.txt", in: root)
        return (list, root)
    }

    func testReposScansEveryHistoryWithPathsPerRepositoryAndClonesIntoATemporaryDirectory() throws {
        let (list, _) = try makeOrganisation()
        // Clones go to a directory of the test's own: other processes clone into the shared one meanwhile.
        let clones = try TestSupport.temporaryDirectory(self)
        let r = try run(["scan", "--repos", list.path, "--format", "json"], environment: ["TMPDIR": clones.path])
        XCTAssertEqual(r.status, 1, r.stderr)
        let doc = try report(r)
        for label in ["../api/", "../web/", "../mirrors/api.git/", "file://"] {
            XCTAssertTrue(doc.findings.contains { $0.path.hasPrefix(label) }, "no finding under \(label): \(doc.findings.map(\.path))")
        }
        // The same secret at the same path in two repositories is two findings, one per repository.
        let f0 = doc.findings.filter { $0.path.hasSuffix("/config/f0.env") }.map(\.path).sorted()
        XCTAssertEqual(f0.count, 4, "\(f0)")
        XCTAssertTrue(doc.findings.contains { $0.path == "../web/<commit message>" })
        XCTAssertEqual(doc.scope?.mode, "repos")
        XCTAssertEqual(doc.scope?.input, list.path)
        XCTAssertEqual(doc.skipped.filter { $0.reason != .binary }, [])
        XCTAssertEqual(doc.skipped.filter { $0.path == "../web/logo.png" }.count, 3, "skips carry the repository too")
        let left = try FileManager.default.contentsOfDirectory(atPath: clones.path).filter { $0.hasPrefix("tokenwarden-clone-") }
        XCTAssertEqual(left, [], "the clone's temporary directory is removed")
        // Run from elsewhere, relative entries still resolve against the list's directory.
        let elsewhere = try run(["scan", "--repos", list.path, "--format", "json"], in: try TestSupport.temporaryDirectory(self))
        XCTAssertEqual(try comparable(elsewhere.stdout), try comparable(r.stdout))
    }

    func testReposBadLinesAreErrorsAndUnreachableRepositoriesCountedSkips() throws {
        let (_, root) = try makeOrganisation()
        let marker = root.appendingPathComponent("pwned")
        func scan(_ list: String) throws -> Run {
            try write(list, to: "lists/other.txt", in: root)
            return try run(["scan", "--repos", root.appendingPathComponent("lists/other.txt").path, "--format", "json"])
        }
        let ext = try scan("../api\next::sh -c touch% \(marker.path)\n")
        XCTAssertEqual(ext.status, 2)
        XCTAssertEqual(
            ext.stderr,
            "tokenwarden: error: \(root.path)/lists/other.txt:2: the 'ext' transport is not allowed (clone URLs use file, https, ssh)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path))
        XCTAssertEqual(try scan("../api\n--upload-pack=touch \(marker.path)\n").status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path))

        // A password in a URL is never shown; the unreachable repositories are listed skips, and the audit is incomplete.
        let r = try scan(
            """
            ../api
            ../gone
            file://\(root.path)/nothing-here.git
            https://ci:hunter2hunter2@127.0.0.1:9/org/repo.git
            """)
        XCTAssertEqual(r.status, 1, "the findings in ../api block: \(r.stderr)")
        let doc = try report(r)
        let unreachable = doc.skipped.filter { $0.reason == .unreadable }
        XCTAssertEqual(
            unreachable.map(\.path), ["../gone", "file://\(root.path)/nothing-here.git", "https://ci:***@127.0.0.1:9/org/repo.git"])
        XCTAssertEqual(doc.summary.filesSkipped, doc.skipped.count)
        XCTAssertEqual(doc.skipped.count, unreachable.count + 4, "and the four binary blobs of ../api")
        XCTAssertTrue(unreachable[0].detail.contains("no such directory"), unreachable[0].detail)
        XCTAssertTrue(unreachable[1].detail.hasPrefix("git clone: fatal:"), unreachable[1].detail)
        XCTAssertFalse(r.stdout.contains("hunter2") || r.stderr.contains("hunter2"), r.stdout + r.stderr)
        let clean = try scan("../gone\n")
        XCTAssertEqual(clean.status, 2, "nothing found, but not everything scanned")
    }

    // MARK: docs/scale-out.md

    /// The doc's YAML blocks, parsed with the project's own YAML reader.
    private func documentedManifests() throws -> [ConfigNode] {
        let doc = try read(TestSupport.packageRoot.appendingPathComponent("docs/scale-out.md"))
        var blocks: [ConfigNode] = []
        var rest = doc[...]
        while let start = rest.range(of: "```yaml\n"), let end = rest[start.upperBound...].range(of: "\n```") {
            blocks.append(try XCTUnwrap(try ConfigNode.parseYAML(String(rest[start.upperBound..<end.lowerBound]), origin: "scale-out.md")))
            rest = rest[end.upperBound...]
        }
        return blocks
    }

    /// A pod's environment: the container's `env` list.
    private func environment(of container: ConfigNode) throws -> [String: String] {
        var env: [String: String] = [:]
        for item in container["env"]?.items ?? [] { env[try XCTUnwrap(item["name"]?.text)] = item["value"]?.text }
        return env
    }

    func testTheKubernetesIndexedJobRunsAsDocumentedAndItsMergeEqualsOneRun() throws {
        let manifests = try documentedManifests()
        let jobs = manifests.filter { $0["kind"]?.text == "Job" }
        XCTAssertEqual(jobs.count, 2, "the Indexed Job and the merge Job")
        let indexed = try XCTUnwrap(jobs.first { $0["spec"]?["completionMode"]?.text == "Indexed" })
        XCTAssertEqual(indexed["apiVersion"]?.text, "batch/v1")
        let spec = try XCTUnwrap(indexed["spec"])
        let container = try XCTUnwrap(spec["template"]?["spec"]?["containers"]?.items?.first)
        let env = try environment(of: container)
        let n = try XCTUnwrap(Int(env["SHARDS"] ?? ""))
        XCTAssertEqual(spec["completions"]?.text, "\(n)")
        XCTAssertEqual(spec["parallelism"]?.text, "\(n)")
        XCTAssertEqual(spec["template"]?["spec"]?["restartPolicy"]?.text, "Never")
        let script = try XCTUnwrap(container["args"]?.items?.first?.text)
        XCTAssertTrue(script.contains(#"shard="$((JOB_COMPLETION_INDEX+1))/$SHARDS""#), script)
        XCTAssertTrue(script.contains(#"--shard "$shard""#), script)
        let mergeJob = try XCTUnwrap(jobs.first { $0["spec"]?["completionMode"] == nil })
        let mergeContainer = try XCTUnwrap(mergeJob["spec"]?["template"]?["spec"]?["containers"]?.items?.first)
        let mergeScript = try XCTUnwrap(mergeContainer["args"]?.items?.first?.text)
        XCTAssertTrue(mergeScript.contains("tokenwarden merge"), mergeScript)

        // Run it: N pods at once, each with its JOB_COMPLETION_INDEX, the volumes as local directories.
        let (list, _) = try makeOrganisation()
        let reports = try TestSupport.temporaryDirectory(self)
        let path = Self.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let podEnvironment = env.merging(["REPOS_LIST": list.path, "REPORTS": reports.path, "PATH": path]) { $1 }
        let pods = try concurrently(
            (0..<n).map { index in
                ("/bin/sh", ["-c", script], nil, podEnvironment.merging(["JOB_COMPLETION_INDEX": "\(index)"]) { $1 })
            })
        for (index, pod) in pods.enumerated() { XCTAssertEqual(pod.status, 0, "pod \(index): \(pod.stderr)") }
        let written = try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted()
        XCTAssertEqual(written, (1...n).map { "shard-\($0).json" }.sorted())
        let merge = try Self.execute(
            "/bin/sh", ["-c", mergeScript], in: nil, stdin: nil,
            environment: try environment(of: mergeContainer).merging(["REPORTS": reports.path, "PATH": path]) { $1 })
        XCTAssertEqual(merge.status, 0, merge.stderr)
        let sarif = try read(reports.appendingPathComponent("audit.sarif"))
        XCTAssertTrue(sarif.contains(#""ruleId" : "github-pat-classic""#))

        // The N shard reports merge into exactly what one process reports.
        let shards = (1...n).map { reports.appendingPathComponent("shard-\($0).json").path }
        let merged = try run(["merge"] + shards)
        let single = try run(["scan", "--repos", list.path, "--format", "json"])
        XCTAssertEqual(single.status, 1, single.stderr)
        XCTAssertEqual(try comparable(merged.stdout), try comparable(single.stdout))
        // Each repository was scanned by exactly one pod.
        let perShard = try shards.map {
            try JSONDecoder().decode(JSONReport.Contents.self, from: Data(contentsOf: URL(fileURLWithPath: $0)))
        }
        let labels = try RepositoryList(reading: list.path).entries.map(\.label)
        let owners = perShard.map { shard in Set(labels.filter { label in shard.findings.contains { $0.path.hasPrefix(label + "/") } }) }
        XCTAssertEqual(owners.map(\.count).reduce(0, +), labels.count, "\(owners)")
        XCTAssertEqual(owners.reduce(Set<String>()) { $0.union($1) }, Set(labels))
    }

    func testTheGitHubActionsMatrixRunsAsDocumented() throws {
        let workflow = try XCTUnwrap(try documentedManifests().first { $0["jobs"] != nil })
        let n = try XCTUnwrap(Int(workflow["env"]?["SHARDS"]?.text ?? ""))
        let scanJob = try XCTUnwrap(workflow["jobs"]?["scan"])
        XCTAssertEqual(scanJob["strategy"]?["matrix"]?["shard"]?.items?.compactMap(\.text), (1...n).map(String.init))
        XCTAssertEqual(scanJob["strategy"]?["fail-fast"]?.text, "false")
        let steps = scanJob["steps"]?.items ?? []
        let scanStep = try XCTUnwrap(steps.first { $0["run"]?.text?.contains("tokenwarden scan") == true }?["run"]?.text)
        XCTAssertTrue(scanStep.contains(#"--shard "${{ matrix.shard }}/$SHARDS""#), scanStep)
        let upload = try XCTUnwrap(steps.first { $0["uses"]?.text?.hasPrefix("actions/upload-artifact@") == true })
        XCTAssertEqual(upload["with"]?["path"]?.text, "shard-${{ matrix.shard }}.json")
        XCTAssertEqual(upload["with"]?["name"]?.text, "tokenwarden-shard-${{ matrix.shard }}")
        let mergeJob = try XCTUnwrap(workflow["jobs"]?["merge"])
        XCTAssertEqual(mergeJob["needs"]?.text, "scan")
        let mergeSteps = mergeJob["steps"]?.items ?? []
        let download = try XCTUnwrap(mergeSteps.first { $0["uses"]?.text?.hasPrefix("actions/download-artifact@") == true })
        XCTAssertEqual(download["with"]?["pattern"]?.text, "tokenwarden-shard-*")
        XCTAssertEqual(download["with"]?["merge-multiple"]?.text, "true")
        let shardsDirectory = try XCTUnwrap(download["with"]?["path"]?.text)
        let mergeStep = try XCTUnwrap(mergeSteps.first { $0["run"]?.text?.contains("tokenwarden merge") == true }?["run"]?.text)

        // Run the matrix: each job's step in its own checkout of the same commit, then the merge step
        // on the downloaded artifacts.
        let repo = try makeHistory(secrets: 5)
        let path = Self.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let checkouts = try (1...n).map { k -> URL in
            let checkout = try TestSupport.temporaryDirectory(self).appendingPathComponent("job-\(k)")
            try git(["clone", "-q", repo.path, checkout.path], in: repo)
            return checkout
        }
        let jobs = try concurrently(
            (1...n).map { k in
                let step = scanStep.replacingOccurrences(of: "${{ matrix.shard }}", with: "\(k)")
                return ("/bin/bash", ["-e", "-c", step], checkouts[k - 1], ["SHARDS": "\(n)", "PATH": path, "CI": "true"])
            })
        let runner = try TestSupport.temporaryDirectory(self)
        try FileManager.default.createDirectory(at: runner.appendingPathComponent(shardsDirectory), withIntermediateDirectories: true)
        for (k, job) in zip(1..., jobs) {
            XCTAssertEqual(job.status, 0, "job \(k): \(job.stderr)")
            try FileManager.default.copyItem(
                at: checkouts[k - 1].appendingPathComponent("shard-\(k).json"),
                to: runner.appendingPathComponent("\(shardsDirectory)/shard-\(k).json"))
        }
        let merge = try Self.execute("/bin/bash", ["-e", "-c", mergeStep], in: runner, stdin: nil, environment: ["PATH": path])
        XCTAssertEqual(merge.status, 1, "the merge job fails on blocking findings: \(merge.stderr)")
        let sarif = try read(runner.appendingPathComponent("tokenwarden.sarif"))
        XCTAssertTrue(sarif.contains(#""shard" : "1/1""#), "the merged run covers the whole input")
        // The clones are at other paths, but the same commits: one input.
        let single = try run(["scan", "--history", "--all", "--format", "sarif"], in: checkouts[0])
        let resultsOf = { (text: String) in text.components(separatedBy: #""ruleId""#).count }
        XCTAssertEqual(resultsOf(sarif), resultsOf(single.stdout))
    }
}

extension ConfigNode {
    /// A mapping's value, for reading manifests in tests.
    fileprivate subscript(key: String) -> ConfigNode? {
        guard case .map(let pairs) = kind else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    fileprivate var items: [ConfigNode]? {
        guard case .list(let items) = kind else { return nil }
        return items
    }
}
