/// What was next to a finding's secret in its blob, kept only when `scan --verify` asks for it: a
/// live check may need a companion (an AWS secret key beside its key id) or an instance URL from
/// the text (`B2SHARE_URL=`). It holds secrets: reports never write it, and it is not compared or hashed.
public struct Neighbourhood: Sendable, Hashable {
    /// Another secret matched in the same blob within `Neighbourhood.lines` lines.
    public struct Companion: Sendable, Hashable {
        public var rule: String
        public var secret: [UInt8]
    }

    /// The lines around the secret (`lines` before and after), at most `maxBytes`.
    public var context: [UInt8]
    public var companions: [Companion]

    public static let lines = 5
    public static let maxBytes = 4096

    public init(context: [UInt8], companions: [Companion]) {
        self.context = context
        self.companions = companions
    }

    // Two findings are the same finding whatever text was around them.
    public static func == (a: Neighbourhood, b: Neighbourhood) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}

    /// Each finding's neighbourhood in `bytes`, the blob its spans are in.
    static func attach(to findings: inout [Finding], in bytes: [UInt8]) {
        guard !findings.isEmpty else { return }
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        func offset(ofLine line: Int) -> Int { line < 1 ? 0 : line > starts.count ? bytes.count : starts[line - 1] }
        let all = findings.map { (rule: $0.rule, secret: $0.match.secret, line: $0.line) }
        for i in findings.indices {
            let f = findings[i]
            var from = offset(ofLine: f.line - lines), to = offset(ofLine: f.endLine + lines + 1)
            if to - from > maxBytes {
                // Keep the secret's own lines in the middle of the cut.
                let middle = offset(ofLine: f.line)
                from = max(from, middle - maxBytes / 2)
                to = min(to, from + maxBytes)
            }
            let companions = all.enumerated().filter { j, other in
                j != i && abs(other.line - f.line) <= lines && other.secret != f.match.secret && !other.secret.isEmpty
            }.map { Companion(rule: $0.element.rule, secret: $0.element.secret) }
            findings[i].neighbourhood = Neighbourhood(context: Array(bytes[from..<to]), companions: companions)
        }
    }
}
