// Test helpers: compiled only where XCTest exists, and only in debug builds (see TestSupport.swift).
#if canImport(XCTest) && DEBUG
import Foundation
import XCTest

/// The loopback stand-in for verified services (`Tests/VerifyServer/fake_services.py`): started on
/// 127.0.0.1 with a list of routes, it records every request so a test can assert what was sent,
/// where and how often. No test sends a secret anywhere else.
public final class LoopbackServices: @unchecked Sendable {
    /// One documented response: the request it answers (method, path, required query and header
    /// values) and what it sends back. `times` limits how many hits it answers (a 429 then a 200).
    public struct Route: Encodable {
        public var method: String
        public var path: String
        public var query: [String: String]?
        public var headers: [String: String]?
        public var times: Int?
        public var status: Int
        public var responseHeaders: [String: String]?
        public var body: String?
        public var json: JSONValue?
        public var delay: Double?

        public init(
            _ path: String, method: String = "GET", query: [String: String]? = nil, headers: [String: String]? = nil, times: Int? = nil,
            status: Int, responseHeaders: [String: String]? = nil, body: String? = nil, json: JSONValue? = nil, delay: Double? = nil
        ) {
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.times = times
            self.status = status
            self.responseHeaders = responseHeaders
            self.body = body
            self.json = json
            self.delay = delay
        }

        enum CodingKeys: String, CodingKey {
            case method, path, query, headers, times, status, body, json, delay
            case responseHeaders = "response_headers"
        }
    }

    /// A JSON body, written as literals in tests.
    public enum JSONValue: Encodable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
        ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
    {
        case string(String), number(Int), bool(Bool), array([JSONValue]), object([String: JSONValue]), null

        public init(stringLiteral value: String) { self = .string(value) }
        public init(integerLiteral value: Int) { self = .number(value) }
        public init(booleanLiteral value: Bool) { self = .bool(value) }
        public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
        public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(Dictionary(uniqueKeysWithValues: elements)) }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .string(let v): try c.encode(v)
            case .number(let v): try c.encode(v)
            case .bool(let v): try c.encode(v)
            case .array(let v): try c.encode(v)
            case .object(let v): try c.encode(v)
            case .null: try c.encodeNil()
            }
        }
    }

    /// One request the server saw.
    public struct Request: Decodable {
        public var method: String
        public var path: String
        public var query: [String: String]
        /// Lower-cased names.
        public var headers: [String: String]
        public var body: String
        /// The index of the route that answered it, nil for a 404 "no route".
        public var route: Int?
    }

    public let port: Int
    /// `http://127.0.0.1:PORT` (or https with `tls`).
    public let baseURL: String
    private let process: Process
    private let log: URL
    private let directory: URL

    /// Starts the server; with `tls`, it speaks https with a fresh self-signed certificate (made by
    /// `openssl req`), which a client checking certificates must refuse.
    public init(routes: [Route], tls: Bool = false) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokenwarden-services-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let routesFile = directory.appendingPathComponent("routes.json")
        log = directory.appendingPathComponent("log.jsonl")
        try JSONEncoder().encode(routes).write(to: routesFile)
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        var arguments = [Self.script.path, routesFile.path, log.path]
        if tls {
            let cert = directory.appendingPathComponent("cert.pem").path, key = directory.appendingPathComponent("key.pem").path
            let made = try CLITestCase.execute(
                "/usr/bin/env",
                [
                    "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj",
                    "/CN=127.0.0.1",
                ],
                in: nil, stdin: nil, environment: [:])
            guard made.status == 0 else { throw StartError(message: "openssl req failed: \(made.stderr)") }
            arguments += ["--tls", cert, key]
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.standardError
        try process.run()
        // The first line is the port; reading byte by byte keeps the pipe open for nothing else.
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), let b = byte.first, b != UInt8(ascii: "\n") { line.append(b) }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw StartError(message: "fake_services.py did not print its port")
        }
        self.port = port
        baseURL = "\(tls ? "https" : "http")://127.0.0.1:\(port)"
    }

    deinit { stop() }

    /// Stops the server (also when the object goes away).
    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Every request seen so far, in arrival order.
    public func requests() throws -> [Request] {
        try events().filter { $0.event == "request" }.map {
            Request(
                method: $0.method ?? "", path: $0.path ?? "", query: $0.query ?? [:], headers: $0.headers ?? [:], body: $0.body ?? "",
                route: $0.route)
        }
    }

    /// How many connections were accepted, and how many of them failed the TLS handshake.
    public func connections() throws -> (accepted: Int, tlsFailed: Int) {
        let all = try events()
        return (all.filter { $0.event == "connection" }.count, all.filter { $0.event == "tls-failed" }.count)
    }

    private struct Event: Decodable {
        var event: String
        var method: String?, path: String?, query: [String: String]?, headers: [String: String]?, body: String?, route: Int?
    }

    private func events() throws -> [Event] {
        let text = try String(contentsOf: log, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Event.self, from: Data($0.utf8)) }
    }

    public struct StartError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    static let script = TestSupport.packageRoot.appendingPathComponent("Tests/VerifyServer/fake_services.py")
}
#endif
