/// The part of a token format that every token of it shares (`ghp_`, `sk_live_`, `AKIA`), read
/// from the rule's own data rather than a hand-kept list: the literal start of the `secret`
/// group of its regex, and any keyword the secret starts with. It says nothing about one token,
/// so redaction may show it and strength estimates leave it out.
public struct PublicPrefix: Sendable, Equatable {
    /// Literal bytes at the start of the secret group, when the regex fixes them.
    let literal: [UInt8]
    /// Lower-cased keywords: a secret that starts with one shows which.
    let keywords: [[UInt8]]

    /// Catch-all rules and passwords have no format, so nothing of their secrets is public.
    public init(rule: Rule) {
        guard !rule.generic, rule.kind != .password else { literal = []; keywords = []; return }
        literal = PublicPrefix.literalStart(ofSecretIn: rule.regex)
        keywords = rule.keywords.map { Array($0.lowercased().utf8) }.filter { !$0.isEmpty }
    }

    /// A format prefix longer than this is a literal sentence, not a token prefix.
    static let maximumLength = 16

    /// How many leading bytes of `secret` are this format's public prefix (at most half of it).
    public func length(in secret: [UInt8]) -> Int {
        var best = 0
        if !literal.isEmpty, secret.starts(with: literal) { best = literal.count }
        for keyword in keywords where keyword.count > best && secret.count >= keyword.count {
            if zip(secret, keyword).allSatisfy({ lowercase($0) == $1 }) { best = keyword.count }
        }
        return best <= min(PublicPrefix.maximumLength, secret.count / 2) ? best : 0
    }

    private func lowercase(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b + 0x20 : b }

    /// The literal bytes that open the group named `secret` (or the whole pattern, which is the
    /// secret when there is no group): letters, digits, `_`, `-` and escaped punctuation, up to the
    /// first metacharacter. A literal followed by a quantifier is not fixed, so it is dropped.
    static func literalStart(ofSecretIn regex: String) -> [UInt8] {
        let pattern = Array(regex.utf8)
        let open = Array("(?<secret>".utf8)
        var i: Int
        if let start = pattern.indices.first(where: { pattern[$0...].starts(with: open) }) {
            i = start + open.count
        } else if !pattern.contains(UInt8(ascii: "(")) {
            i = 0
        } else {
            return []
        }
        var literal: [UInt8] = []
        while i < pattern.count {
            let b = pattern[i]
            var next = i + 1
            let byte: UInt8
            if b == UInt8(ascii: "\\"), next < pattern.count, isEscapedPunctuation(pattern[next]) {
                byte = pattern[next]
                next += 1
            } else if isPlainLiteral(b) {
                byte = b
            } else {
                break
            }
            if next < pattern.count, isQuantifier(pattern[next]) { break }
            literal.append(byte)
            i = next
        }
        // An alternation right after the literal makes it one option among several.
        if i < pattern.count, pattern[i] == UInt8(ascii: "|") { return [] }
        return literal
    }

    private static func isPlainLiteral(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ":")
    }

    private static func isEscapedPunctuation(_ b: UInt8) -> Bool {
        Array("._-/+:=@".utf8).contains(b)
    }

    private static func isQuantifier(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "?") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+") || b == UInt8(ascii: "{")
    }
}
