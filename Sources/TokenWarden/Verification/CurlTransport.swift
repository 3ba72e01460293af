import CCurl
import Foundation

/// `HTTPTransport` over libcurl, loaded at run time (`Sources/CCurl`). Each request has its own
/// handle: certificate and host checks on, redirects never followed, https only (http only to a
/// literal loopback address, for test endpoints), the body cut at `bodyLimit`.
public struct CurlTransport: HTTPTransport {
    public var connectTimeout: Duration
    public var timeout: Duration
    public var bodyLimit: Int

    public init(timeout: Duration = .seconds(10), connectTimeout: Duration? = nil, bodyLimit: Int = 256 * 1024) {
        self.timeout = timeout
        self.connectTimeout = connectTimeout ?? min(timeout, .seconds(5))
        self.bodyLimit = bodyLimit
    }

    /// Loads libcurl: an error names what is missing (`--verify` fails with it before scanning).
    public static func checkAvailable() throws(TransportError) {
        if let why = tw_curl_load_error() { throw .unavailable(String(cString: why)) }
    }

    public func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        let headerLines = request.headers.map { "\($0.name): \($0.value)" }
        let loopback = request.url.host.map(LoopbackAddress.contains(host:)) ?? false
        var response = tw_curl_response()
        withCStrings(headerLines) { headerPointers in
            request.method.withCString { method in
                request.url.absoluteString.withCString { url in
                    (request.body ?? []).withUnsafeBufferPointer { body in
                        var call = tw_curl_request(
                            method: method, url: url, headers: headerPointers.baseAddress, header_count: headerPointers.count,
                            body: request.body == nil ? nil : body.baseAddress, body_length: body.count,
                            connect_timeout_ms: Self.milliseconds(connectTimeout), total_timeout_ms: Self.milliseconds(timeout),
                            allow_http: loopback ? 1 : 0, body_cap: bodyLimit)
                        tw_curl_perform(&call, &response)
                    }
                }
            }
        }
        defer { tw_curl_response_free(&response) }
        let message = withUnsafeBytes(of: response.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        switch Int(response.error) {
        case Int(TW_CURL_OK.rawValue): break
        case Int(TW_CURL_UNAVAILABLE.rawValue): throw .unavailable(message)
        case Int(TW_CURL_TIMEOUT.rawValue): throw .timeout
        case Int(TW_CURL_TLS.rawValue): throw .tls(message)
        default: throw .connection(message)
        }
        let headers = Self.parseHeaders(
            response.header_block.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: response.header_length), as: UTF8.self) }
                ?? "")
        let status = Int(response.status)
        if (300..<400).contains(status) && status != 304 {
            throw .redirectRefused(location: headers["location"] ?? "")
        }
        let body = response.body.map { Array(UnsafeBufferPointer(start: $0, count: response.body_length)) } ?? []
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    /// "Name: value" lines of one response into lower-cased names; a repeated header is joined with ", ".
    static func parseHeaders(_ block: String) -> [String: String] {
        var headers: [String: String] = [:]
        for line in block.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) {
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix("HTTP/") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        return headers
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}

/// Runs `body` with C strings for `strings`, alive for the call.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafeBufferPointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let pointers = copies.map { UnsafePointer($0) }
    return pointers.withUnsafeBufferPointer(body)
}
