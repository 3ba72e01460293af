import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// `scan URL`: a repository cloned for the scan, over file:// and over git daemon on loopback.
final class RemoteScanTests: CLITestCase {
    static let token = "ghp_" + "1vq0VtprV1O2aGvuBtxCktBgWsRjjU2PYhBa"

    /// A bare repository whose history had a secret that a later commit removed.
    private func bareRepository() throws -> (bare: URL, root: URL) {
        let repo = try makeRepository()
        try write("token = \"\(Self.token)\"\n", to: "src/app.py", in: repo)
        try commitAll(repo, "add app")
        try write("token = os.environ['TOKEN']\n", to: "src/app.py", in: repo)
        try commitAll(repo, "read the token from the environment")
        let root = try TestSupport.temporaryDirectory(self)
        let bare = root.appendingPathComponent("project.git")
        try git(["clone", "-q", "--bare", repo.path, bare.path], in: repo)
        return (bare, root)
    }

    /// A temporary directory of the test's own for the scans' clones (`TMPDIR`): other processes on the
    /// machine clone into the shared one at the same time.
    private var clones: URL!

    override func setUpWithError() throws {
        clones = try TestSupport.temporaryDirectory(self)
    }

    private func clonesLeft() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: clones.path).filter { $0.hasPrefix("tokenwarden-clone-") }
    }

    private func scan(_ arguments: [String], in directory: URL? = nil) throws -> Run {
        try run(["scan"] + arguments, in: directory, environment: ["TMPDIR": clones.path])
    }

    func testFileURLScansTheHistoryAndRemovesTheClone() throws {
        let (bare, _) = try bareRepository()
        let url = "file://\(bare.path)"
        let r = try scan([url, "--format", "json"], in: try TestSupport.temporaryDirectory(self))
        XCTAssertEqual(r.status, 1, r.stderr)
        let doc = try report(r)
        // The secret is gone from HEAD: only the history (the default for a URL) has it.
        XCTAssertEqual(doc.findings.map(\.path), ["src/app.py"], "paths are the repository's")
        XCTAssertEqual(doc.findings.first?.rule, "github-pat-classic")
        XCTAssertEqual(doc.findings.first?.commit?.count, 40)
        XCTAssertEqual(doc.scope?.mode, "history")
        XCTAssertEqual(doc.scope?.input, url)
        XCTAssertFalse(r.stdout.contains("tokenwarden-clone-"), "the temporary clone's path is not in the report")
        XCTAssertEqual(try clonesLeft(), [], "the clone is removed after the scan")
    }

    func testGitDaemonURLOnLoopback() throws {
        let (bare, root) = try bareRepository()
        let port = try Self.freePort()
        // Started through the hardened runner by the test itself, serving only the test's directory. The
        // runner blanks uploadpack.packObjectsHook, which the daemon's upload-pack would then try to run:
        // the server (the test's, not the scanned repository's) names `env` instead, which runs git as is.
        let daemon = try GitProcess(
            [
                "-c", "uploadpack.packObjectsHook=env", "daemon", "--reuseaddr", "--base-path=\(root.path)", "--export-all",
                "--listen=127.0.0.1", "--port=\(port)", root.path,
            ],
            in: root.path)
        defer {
            daemon.terminate()
            try? daemon.finish()
        }
        try Self.waitForListener(port: port)
        let url = "git://127.0.0.1:\(port)/\(bare.lastPathComponent)"
        let r = try scan([url, "--format", "json"], in: try TestSupport.temporaryDirectory(self))
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(try report(r).findings.map(\.path), ["src/app.py"])
        XCTAssertTrue(r.stderr.contains("git:// is neither encrypted nor authenticated"), r.stderr)
        // A repository the daemon does not have: one line, exit 2.
        let missing = try scan(["git://127.0.0.1:\(port)/nothing.git"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr.split(separator: "\n").count, 1, missing.stderr)
        XCTAssertTrue(missing.stderr.hasPrefix("tokenwarden: error: git clone:"), missing.stderr)
    }

    func testAURLThatCannotBeClonedIsOneLineWithoutItsPassword() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        let r = try scan(["file://user:hunter2secret@\(dir.path)/none.git"], in: dir)
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertFalse(r.stderr.contains("hunter2secret"), r.stderr)
        XCTAssertEqual(try clonesLeft(), [], "a failed clone leaves nothing behind")
        // Transports that run a command or are not encrypted are refused before git runs.
        for url in ["ext::sh -c touch% /tmp/pwned", "http://127.0.0.1:9/repo.git"] {
            let refused = try scan([url], in: dir)
            XCTAssertEqual(refused.status, 2, url)
            XCTAssertTrue(refused.stderr.contains("transport is not allowed"), refused.stderr)
        }
        let staged = try scan(["--staged", "https://example.org/r.git"], in: dir)
        XCTAssertEqual(staged.status, 2)
        XCTAssertTrue(staged.stderr.contains("a URL is scanned by its history"), staged.stderr)
    }

    func testAnInterruptedCloneIsRemoved() throws {
        // A server that takes the connection and never answers: the clone waits, its directory exists.
        let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(server) }
        var address = Self.loopback()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(server, $0, length) == 0 && listen(server, 4) == 0 && getsockname(server, $0, &length) == 0
            }
        }
        XCTAssertTrue(listening)
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["scan", "git://127.0.0.1:\(UInt16(bigEndian: address.sin_port))/silent.git"]
        process.standardError = FileHandle.nullDevice
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": clones.path]) { $1 }
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        var started: Set<String> = []
        for _ in 0..<200 where started.isEmpty {
            usleep(50_000)
            started = Set(try clonesLeft())
        }
        XCTAssertFalse(started.isEmpty, "the clone's directory appeared")
        process.terminate()  // SIGTERM, as a CI runner cancelling the job sends
        if exited.wait(timeout: .now() + 10) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            XCTFail("SIGTERM did not end the scan")
            return
        }
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(process.terminationStatus, SIGTERM)
        XCTAssertEqual(try clonesLeft(), [], "the interrupted clone is removed")
    }

    /// 127.0.0.1:`port` (0: any free port, when bound).
    static func loopback(port: UInt16 = 0) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    /// A port nothing listens on now: bound to 0, read back, released.
    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = Self.loopback()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw InputError("no free port on 127.0.0.1") }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Until git daemon accepts connections (it binds a moment after it starts), at most 10 s.
    static func waitForListener(port: UInt16) throws {
        for _ in 0..<200 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: port)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            close(fd)
            if connected { return }
            usleep(50_000)
        }
        throw InputError("git daemon did not start listening on 127.0.0.1:\(port)")
    }
}
