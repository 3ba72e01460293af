// Test helpers: compiled only where XCTest exists, and only in debug builds (see TestSupport.swift).
#if canImport(XCTest) && DEBUG
import Foundation
import XCTest

/// moto's server (https://docs.getmoto.org/en/latest/docs/server_mode.html), a real implementation
/// of AWS's APIs, installed from PyPI into `.build/moto-venv` once and started on 127.0.0.1 by the
/// tests. It checks SigV4 signatures and access key ids once `INITIAL_NO_AUTH_ACTION_COUNT` requests
/// have been served unauthenticated (the ones that create the test's IAM user and key).
public final class MotoServer: @unchecked Sendable {
    public static let version = "5.2.1"
    static let venv = TestSupport.packageRoot.appendingPathComponent(".build/moto-venv")

    /// The venv's python with moto and boto3, made once per test run; an XCTSkip only when PyPI
    /// cannot be reached, any other failure an error.
    public static let python: Result<URL, SetupError> = {
        let python = venv.appendingPathComponent("bin/python")
        let probe = ["-c", "import moto, boto3; print(moto.__version__)"]
        if let installed = try? CLITestCase.execute(python.path, probe, in: nil, stdin: nil, environment: [:]),
            installed.stdout == "\(version)\n"
        {
            return .success(python)
        }
        do {
            let made = try CLITestCase.execute(
                "/usr/bin/env", ["python3", "-m", "venv", "--clear", venv.path], in: nil, stdin: nil, environment: [:])
            guard made.status == 0 else { return .failure(.failed("python3 -m venv failed: \(made.stderr)")) }
            let pip = try CLITestCase.execute(
                venv.appendingPathComponent("bin/pip").path, ["install", "--quiet", "moto[server]==\(version)"], in: nil, stdin: nil,
                environment: [:])
            guard pip.status == 0 else {
                return .failure(
                    pypiReachable() ? .failed("pip install moto[server]==\(version) failed: \(pip.stderr)") : .offline(pip.stderr))
            }
            return .success(python)
        } catch {
            return .failure(.failed("installing moto: \(error)"))
        }
    }()

    public enum SetupError: Error, CustomStringConvertible {
        case offline(String)
        case failed(String)
        public var description: String {
            switch self {
            case .offline(let detail): return "PyPI is unreachable, moto cannot be installed: \(detail)"
            case .failed(let detail): return detail
            }
        }
    }

    static func pypiReachable() -> Bool {
        let probe = "import urllib.request; urllib.request.urlopen('https://pypi.org/simple/moto/', timeout=10)"
        return (try? CLITestCase.execute("/usr/bin/env", ["python3", "-c", probe], in: nil, stdin: nil, environment: [:]).status) == 0
    }

    /// The venv's python, skipping the test (with the reason printed) only when PyPI is unreachable.
    public static func requirePython() throws -> URL {
        switch python {
        case .success(let url): return url
        case .failure(.offline(let detail)):
            print("MotoServer: skipped, PyPI unreachable: \(detail)")
            throw XCTSkip("PyPI is unreachable, so moto cannot be installed: \(detail)")
        case .failure(let error): throw error
        }
    }

    public let baseURL: String
    private let interpreter: URL
    private let process: Process

    /// Starts `moto_server` on a free loopback port; `unauthenticated` requests are served before
    /// signatures are checked.
    public init(unauthenticated: Int) throws {
        interpreter = try Self.requirePython()
        process = Process()
        process.executableURL = Self.venv.appendingPathComponent("bin/moto_server")
        process.arguments = ["-H", "127.0.0.1", "-p", "0"]
        var environment = ProcessInfo.processInfo.environment
        environment["INITIAL_NO_AUTH_ACTION_COUNT"] = String(unauthenticated)
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // werkzeug announces `Running on http://127.0.0.1:PORT`; read until then, at most 120 s (a first start compiles moto's modules).
        let found = PortBox()
        let announced = DispatchSemaphore(value: 0)
        Thread {
            while let chunk = try? output.fileHandleForReading.read(upToCount: 1), !chunk.isEmpty {
                found.text += String(decoding: chunk, as: UTF8.self)
                // Up to the end of the line, so the port is whole.
                if found.text.hasSuffix("\n"),
                    let range = found.text.range(of: #"Running on http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression)
                {
                    found.port = Int(found.text[range].split(separator: ":").last!)
                    announced.signal()
                    break
                }
            }
            announced.signal()
            // Keep draining so a chatty server never blocks on a full pipe.
            while let chunk = try? output.fileHandleForReading.read(upToCount: 4096), !chunk.isEmpty {}
        }.start()
        _ = announced.wait(timeout: .now() + 120)
        guard let port = found.port else {
            process.terminate()
            throw SetupError.failed("moto_server did not announce its port: \(found.text)")
        }
        baseURL = "http://127.0.0.1:\(port)"
    }

    private final class PortBox: @unchecked Sendable {
        var port: Int?
        var text = ""
    }

    deinit { stop() }

    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// Creates IAM user `name` and an access key for it through moto (with boto3), returning the key.
    public func createAccessKey(user name: String) throws -> (id: String, secret: String) {
        let script = """
            import boto3, sys
            iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1",
                               aws_access_key_id="AKIAIOSFODNN7EXAMPLE", aws_secret_access_key="unused")
            iam.create_user(UserName=sys.argv[2])
            key = iam.create_access_key(UserName=sys.argv[2])["AccessKey"]
            print(key["AccessKeyId"], key["SecretAccessKey"])
            """
        let r = try CLITestCase.execute(interpreter.path, ["-c", script, baseURL, name], in: nil, stdin: nil, environment: [:])
        let parts = r.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard r.status == 0, parts.count == 2 else { throw SetupError.failed("creating an access key in moto failed: \(r.stderr)") }
        return (parts[0], parts[1])
    }
}
#endif
