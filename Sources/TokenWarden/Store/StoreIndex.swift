/// The store prepared for scanning: fingerprint lookup, and the (charset, length) shapes of
/// registered tokens so that a registered token is found even when no rule knows its format.
public struct StoreIndex: Sendable {
    private let sha256: [String: String]  // hex -> token id
    private let hmac: [String: String]
    private let key: [UInt8]?
    /// token id -> service, for findings of registered tokens no rule knows.
    let services: [String: String]
    /// charset -> lengths of registered tokens written in it.
    let shapes: [(charset: TokenCharset, lengths: Set<Int>)]

    /// Fails when the store has HMAC fingerprints but no key is given: they could never match.
    public init(_ store: TokenStore, key: [UInt8]?) throws {
        // One pass, tables sized up front: a 100k-token store is indexed in milliseconds.
        var sha: [String: String] = [:], mac: [String: String] = [:], services: [String: String] = [:]
        sha.reserveCapacity(store.tokens.count)
        services.reserveCapacity(store.tokens.count)
        var byCharset: [TokenCharset: Set<Int>] = [:]
        for t in store.tokens {
            switch t.fingerprint.algorithm {
            case .sha256: sha[t.fingerprint.hex] = t.id
            case .hmacSHA256: mac[t.fingerprint.hex] = t.id
            }
            if services[t.id] == nil { services[t.id] = t.service }
            byCharset[t.charset, default: []].insert(t.length)
        }
        if !mac.isEmpty && key == nil {
            throw InputError("the token store has HMAC fingerprints but \(TokenStore.keyVariable) is not set")
        }
        sha256 = sha
        hmac = mac
        self.services = services
        self.key = key
        shapes = TokenCharset.allCases.compactMap { c in byCharset[c].map { (c, $0) } }
    }

    /// The id of the registered token whose fingerprint `secret` has.
    public func identify(_ secret: [UInt8]) -> String? {
        if !sha256.isEmpty, let id = sha256[Fingerprint.sha256Hex(secret)] { return id }
        if !hmac.isEmpty, let key, let id = hmac[Fingerprint.hmacSHA256Hex(secret, key: key)] { return id }
        return nil
    }

    /// Byte ranges shaped like a registered token: maximal runs of a registered charset whose
    /// length is a registered length. Only these are hashed, so the check costs one pass per charset.
    func candidates(in bytes: UnsafeRawBufferPointer) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for (charset, lengths) in shapes {
            let longest = lengths.max() ?? 0
            var i = 0
            while i < bytes.count {
                guard charset.contains(bytes[i]) else { i += 1; continue }
                var j = i + 1
                while j < bytes.count && charset.contains(bytes[j]) { j += 1 }
                if j - i <= longest && lengths.contains(j - i) { out.append(i..<j) }
                i = j
            }
        }
        return out
    }
}
