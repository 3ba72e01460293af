import Foundation

// What the platform checks add to `CheckSupport`: the secret as header-safe text, companions and
// identifiers found next to it, fixed hosts, the status reading with rate limits, an XML element.

extension VerificationSubject {
    /// The secret as text fit for a header or a JSON string: printable ASCII only. Rules match such
    /// secrets; anything else (a CR/LF that would split a header, a quote) sends nothing.
    var headerSafeSecret: String? { CheckText.headerSafe(secret) }

    /// Of the companions matched by one of `rules`, the one written nearest this secret on the side
    /// such pairs are written in (`before`: a key id or SID ahead of its secret; else after), the
    /// nearest on the other side when there is none: a file with two key pairs pairs each secret with
    /// its own key id. Nil when none.
    func nearestCompanion(_ rules: Set<String>, before: Bool) -> String? {
        let candidates = companions.filter { rules.contains($0.rule) }
        guard candidates.count > 1 else { return candidates.first.flatMap { CheckText.headerSafe($0.secret) } }
        let placed = candidates.compactMap { c in context.firstRange(of: c.secret).map { (offset: $0.lowerBound, text: c.secret) } }
        return nearest(placed, before: before).flatMap { CheckText.headerSafe($0) }
            ?? candidates.first.flatMap { CheckText.headerSafe($0.secret) }
    }

    /// The identifier of a known shape (a literal prefix, then `length` bytes of one class) written
    /// nearest this secret in the context window, on the side it is usually written (a Twilio
    /// account SID before its auth token, an AWS key id before its secret key).
    func contextIdentifier(prefixes: [String], body: (UInt8) -> Bool, length: Int, before: Bool = true) -> String? {
        let found = CheckText.identifiers(in: context, prefixes: prefixes, body: body, length: length)
        return nearest(found.map { ($0.offset, Array($0.text.utf8)) }, before: before).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Of texts at offsets of the context, the nearest on the preferred side of this secret, else the
    /// nearest on the other; the first when the secret is not in the context.
    func nearest(_ placed: [(offset: Int, text: [UInt8])], before: Bool) -> [UInt8]? {
        guard let own = context.firstRange(of: secret) else { return placed.first?.text }
        let ahead = placed.filter { $0.offset + $0.text.count <= own.lowerBound }.max { $0.offset < $1.offset }
        let behind = placed.filter { $0.offset >= own.upperBound }.min { $0.offset < $1.offset }
        return (before ? ahead ?? behind : behind ?? ahead)?.text
    }
}

enum CheckText {
    static func headerSafe(_ bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty, bytes.allSatisfy({ (0x21...0x7E).contains($0) }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isAlnum(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
    static func isLowerHex(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) || (0x61...0x66).contains(b) }

    /// Each prefix followed by exactly `length` bytes satisfying `body`, not inside a longer
    /// alphanumeric run, with its offset.
    static func identifiers(in text: [UInt8], prefixes: [String], body: (UInt8) -> Bool, length: Int) -> [(offset: Int, text: String)] {
        var found: [(offset: Int, text: String)] = []
        for prefix in prefixes {
            let p = Array(prefix.utf8)
            var i = 0
            while i + p.count + length <= text.count {
                defer { i += 1 }
                let end = i + p.count + length
                guard text[i..<(i + p.count)].elementsEqual(p), i == 0 || !isAlnum(text[i - 1]),
                    text[(i + p.count)..<end].allSatisfy(body), end == text.count || !isAlnum(text[end])
                else { continue }
                found.append((i, String(decoding: text[i..<end], as: UTF8.self)))
            }
        }
        return found
    }

    /// Standard base64 (`user:password` in an HTTP Basic header).
    static func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }
}

extension ServiceHost {
    /// A service's own host, built into its check.
    static func fixed(_ base: String) -> ServiceHost {
        // The literals are the checks' own constants: a typo is a programming error caught by the tests.
        ServiceHost(base: URL(string: base)!, origin: .fixed)
    }
}

/// The statuses most services document alike; each check reads its own successes and special cases first.
enum StatusReading {
    /// 429 rate limited and 5xx no answer (errors: the verifier retries these before a check sees
    /// them), else `CheckSupport.rejected` (401 invalid, 403 and others unknown).
    static func common(_ response: HTTPResponse) -> VerificationOutcome {
        switch response.status {
        case 429: return VerificationOutcome(.error, "rate limited (HTTP 429)")
        case 500...599: return VerificationOutcome(.error, "HTTP \(response.status)")
        default: return CheckSupport.rejected(response)
        }
    }

    /// A 2xx whose body the check could not read: the secret worked, the facts are missing.
    static func validUnread(_ response: HTTPResponse) -> VerificationOutcome {
        VerificationOutcome(.valid, "HTTP \(response.status)")
    }

    /// The JSON object of a response body, or nil.
    static func object(_ response: HTTPResponse) -> [String: Any]? { CheckSupport.object(response.body) }

    /// The text of the first `<name>…</name>` element (AWS query APIs answer in XML).
    static func xmlElement(_ name: String, in response: HTTPResponse) -> String? {
        let text = String(decoding: response.body, as: UTF8.self)
        guard let open = text.range(of: "<\(name)>"), let close = text.range(of: "</\(name)>", range: open.upperBound..<text.endIndex)
        else { return nil }
        return String(text[open.upperBound..<close.lowerBound])
    }
}
