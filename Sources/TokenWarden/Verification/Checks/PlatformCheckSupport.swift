import Foundation

// What the platform checks add to `CheckSupport`: the secret as header-safe text, companions and
// identifiers found next to it, fixed hosts, the status reading with rate limits, an XML element.

extension VerificationSubject {
    /// The secret as text fit for a header or a JSON string: printable ASCII only. Rules match such
    /// secrets; anything else (a CR/LF that would split a header, a quote) sends nothing.
    var headerSafeSecret: String? { CheckText.headerSafe(secret) }

    /// Of the companions matched by one of `rules`, the one written nearest this secret in the
    /// context (a file with two key pairs pairs each secret with its own key id); nil when none.
    func nearestCompanion(_ rules: Set<String>) -> String? {
        let candidates = companions.filter { rules.contains($0.rule) }
        guard candidates.count > 1, let own = context.firstRange(of: secret) else {
            return candidates.first.flatMap { CheckText.headerSafe($0.secret) }
        }
        func distance(_ c: (rule: String, secret: [UInt8])) -> Int {
            context.firstRange(of: c.secret).map { abs($0.lowerBound - own.lowerBound) } ?? Int.max
        }
        return candidates.min { distance($0) < distance($1) }.flatMap { CheckText.headerSafe($0.secret) }
    }

    /// The first identifier of a known shape (a literal prefix, then `length` bytes of one class)
    /// in the context window, for identifiers found next to a secret (a Twilio account SID, an AWS key id).
    func contextIdentifier(prefixes: [String], body: (UInt8) -> Bool, length: Int) -> String? {
        CheckText.identifier(in: context, prefixes: prefixes, body: body, length: length)
    }
}

enum CheckText {
    static func headerSafe(_ bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty, bytes.allSatisfy({ (0x21...0x7E).contains($0) }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isAlnum(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
    static func isLowerHex(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) || (0x61...0x66).contains(b) }

    /// A prefix followed by exactly `length` bytes satisfying `body`, not inside a longer alphanumeric run.
    static func identifier(in text: [UInt8], prefixes: [String], body: (UInt8) -> Bool, length: Int) -> String? {
        for prefix in prefixes {
            let p = Array(prefix.utf8)
            guard text.count >= p.count + length else { continue }
            var i = 0
            while i + p.count + length <= text.count {
                defer { i += 1 }
                guard text[i..<(i + p.count)].elementsEqual(p), i == 0 || !isAlnum(text[i - 1]) else { continue }
                let run = text[(i + p.count)..<(i + p.count + length)]
                let end = i + p.count + length
                guard run.allSatisfy(body), end == text.count || !isAlnum(text[end]) else { continue }
                return String(decoding: text[i..<end], as: UTF8.self)
            }
        }
        return nil
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
