// Test helpers: compiled only where XCTest exists, and only in debug builds (where `@testable import`
// works): a plain `swift build -c release`, which pre-commit's language: swift hook runs, builds every
// target of the package, this one included, and must not need XCTest or testability.
#if canImport(XCTest) && DEBUG
import Foundation
import XCTest

@testable import TokenWarden

/// Runs the built `tokenwarden` binary, as users and CI do.
open class CLITestCase: XCTestCase {
    public struct Run {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public static let binary: URL = {
        let beside = Bundle.main.bundleURL.appendingPathComponent("tokenwarden")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return TestSupport.packageRoot.appendingPathComponent(".build/debug/tokenwarden")
    }()

    @discardableResult
    public func run(
        _ arguments: [String], in directory: URL? = nil, stdin: String? = nil,
        environment: [String: String] = [:]
    ) throws -> Run {
        try Self.execute(Self.binary.path, arguments, in: directory, stdin: stdin, environment: environment)
    }

    @discardableResult
    public func git(_ arguments: [String], in directory: URL) throws -> Run {
        let r = try Self.execute("/usr/bin/env", ["git"] + arguments, in: directory, stdin: nil, environment: [:])
        XCTAssertEqual(r.status, 0, "git \(arguments.joined(separator: " ")): \(r.stderr)")
        return r
    }

    public static func execute(
        _ executable: String, _ arguments: [String], in directory: URL?, stdin: String?,
        environment: [String: String]
    ) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for key in ["GITHUB_ACTIONS", "GITLAB_CI", "TF_BUILD", "TOKENWARDEN_STORE", "TOKENWARDEN_STORE_KEY", "TOKENWARDEN_FINGERPRINT_KEY"]
        { env[key] = nil }
        env["GIT_AUTHOR_NAME"] = "Test Author"
        env["GIT_AUTHOR_EMAIL"] = "author@example.org"
        env["GIT_COMMITTER_NAME"] = "Test Author"
        env["GIT_COMMITTER_EMAIL"] = "author@example.org"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // stderr is drained on its own thread so a chatty child cannot block; the semaphore orders the hand-over.
        let errBox = ErrBox()
        let done = DispatchSemaphore(value: 0)
        Thread {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        done.wait()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errBox.data ?? Data(), as: UTF8.self))
    }

    private final class ErrBox: @unchecked Sendable { var data: Data? }

    /// The `--format json` report a run printed, decoded with the report's own types.
    public func report(_ r: Run, file: StaticString = #filePath, line: UInt = #line) throws -> JSONReport.Contents {
        do {
            return try JSONDecoder().decode(JSONReport.Contents.self, from: Data(r.stdout.utf8))
        } catch {
            XCTFail("not a JSON report: \(error)\n\(r.stdout)\(r.stderr)", file: file, line: line)
            throw error
        }
    }

    /// A finding's token-store status by name (`leaked`, `unregistered`).
    public func status(_ f: Finding) -> String? { f.status.map { "\($0)" } }

    /// Stages everything and commits it (hooks skipped).
    public func commitAll(_ repo: URL, _ message: String) throws {
        try git(["add", "-A"], in: repo)
        try git(["commit", "-qm", message, "--no-verify"], in: repo)
    }

    /// A new git repository in a temporary directory.
    public func makeRepository() throws -> URL {
        let dir = try TestSupport.temporaryDirectory(self)
        try git(["init", "-q", "-b", "main"], in: dir)
        return dir
    }

    public func write(_ text: String, to path: String, in dir: URL) throws {
        let url = dir.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
#endif
