import Crypto
import Foundation

/// AWS Signature Version 4 (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html),
/// for the one request the AWS check sends (STS `GetCallerIdentity`). Written here rather than taken
/// from an SDK: it is 100 lines over swift-crypto's HMAC-SHA256, and the binary stays free of an AWS SDK.
struct AWSSignatureV4: Sendable {
    struct Credentials: Sendable {
        var accessKeyID: String
        var secretAccessKey: String
        /// For temporary (ASIA) credentials: sent and signed as `X-Amz-Security-Token`.
        var sessionToken: String?
    }

    var credentials: Credentials
    var region: String
    var service: String

    /// The headers to add to the request: `X-Amz-Date`, `X-Amz-Security-Token` (temporary
    /// credentials) and `Authorization`. `headers` are the request's own, all signed; `Host` is
    /// taken from the URL (with its port when it has one), as the HTTP client will send it.
    func signingHeaders(method: String, url: URL, headers: [(name: String, value: String)], body: [UInt8], date: Date)
        -> [(name: String, value: String)]
    {
        let stamp = Self.timestamp(date)
        var added: [(name: String, value: String)] = [("X-Amz-Date", stamp)]
        if let token = credentials.sessionToken { added.append(("X-Amz-Security-Token", token)) }
        let parts = canonicalRequest(method: method, url: url, headers: headers + added, body: body)
        let scope = "\(stamp.prefix(8))/\(region)/\(service)/aws4_request"
        let toSign = Self.stringToSign(timestamp: stamp, scope: scope, canonicalRequest: parts.request)
        let signature = Fingerprint.hex(
            HMAC<SHA256>.authenticationCode(for: Array(toSign.utf8), using: signingKey(day: String(stamp.prefix(8)))))
        added.append(
            (
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(parts.signedHeaders), Signature=\(signature)"
            ))
        return added
    }

    /// The canonical request and the list of signed header names.
    func canonicalRequest(method: String, url: URL, headers: [(name: String, value: String)], body: [UInt8])
        -> (request: String, signedHeaders: String)
    {
        var host = url.host ?? ""
        if let port = url.port { host += ":\(port)" }
        var canonical: [String: String] = ["host": host]
        for (name, value) in headers {
            let key = name.lowercased()
            let trimmed = Self.collapseSpaces(value)
            canonical[key] = canonical[key].map { "\($0),\(trimmed)" } ?? trimmed
        }
        let names = canonical.keys.sorted()
        let path =
            url.path.isEmpty
            ? "/"
            : url.path.split(separator: "/", omittingEmptySubsequences: false).map { Self.encode(String($0)) }
                .joined(separator: "/")
        let request = [
            method.uppercased(), path, Self.canonicalQuery(URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedQuery),
            names.map { "\($0):\(canonical[$0]!)" }.joined(separator: "\n") + "\n", names.joined(separator: ";"),
            Fingerprint.sha256Hex(body),
        ].joined(separator: "\n")
        return (request, names.joined(separator: ";"))
    }

    static func stringToSign(timestamp: String, scope: String, canonicalRequest: String) -> String {
        ["AWS4-HMAC-SHA256", timestamp, scope, Fingerprint.sha256Hex(Array(canonicalRequest.utf8))].joined(separator: "\n")
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request").
    func signingKey(day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return key
    }

    /// `20150830T123600Z`, in UTC.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(c.year ?? 1970)\(two(c.month))\(two(c.day))T\(two(c.hour))\(two(c.minute))\(two(c.second))Z"
    }

    /// Query pairs decoded, encoded the AWS way, sorted by name then value.
    static func canonicalQuery(_ query: String?) -> String {
        guard let query, !query.isEmpty else { return "" }
        let pairs = query.split(separator: "&").map { item -> (String, String) in
            let kv = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(kv[0]).removingPercentEncoding ?? String(kv[0])
            let value = kv.count > 1 ? (String(kv[1]).removingPercentEncoding ?? String(kv[1])) : ""
            return (encode(name), encode(value))
        }
        return pairs.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// RFC 3986 percent-encoding: every byte but the unreserved A-Z a-z 0-9 - _ . ~ (upper-case hex).
    static func encode(_ text: String) -> String {
        var out = ""
        for b in text.utf8 {
            if CheckText.isAlnum(b) || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x7E {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    static func collapseSpaces(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
