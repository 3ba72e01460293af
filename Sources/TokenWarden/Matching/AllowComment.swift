/// Inline suppression: `tokenwarden:allow` on a line hides every finding on it;
/// `tokenwarden:allow rule-a,rule-b` hides only those rules' findings. Suppressed findings
/// are counted in the summary, so nothing disappears silently. A rule's former id (alias) still
/// names it, so comments written before a rename keep working.
enum AllowComment {
    static let marker = Array("tokenwarden:allow".utf8)

    static func suppresses(_ ruleID: String, line: UnsafeRawBufferPointer, knownRules: RuleIDs) -> Bool {
        guard let at = firstIndex(of: marker, in: line) else { return false }
        // Words after the marker that name rules restrict it to those rules; other words are prose.
        var named: [String] = []
        var word: [UInt8] = []
        func endWord() {
            if !word.isEmpty {
                let w = String(decoding: word, as: UTF8.self)
                if let id = knownRules.currentID(of: w) { named.append(id) }
                word.removeAll()
            }
        }
        for b in line[(at + marker.count)...] {
            if b == UInt8(ascii: " ") || b == UInt8(ascii: ",") || b == UInt8(ascii: "\t") { endWord() } else { word.append(b) }
        }
        endWord()
        return named.isEmpty || named.contains(ruleID)
    }

    private static func firstIndex(of needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if needle.indices.allSatisfy({ haystack[i + $0] == needle[$0] }) { return i }
        }
        return nil
    }
}
