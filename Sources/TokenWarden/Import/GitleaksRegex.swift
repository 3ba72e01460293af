/// A gitleaks regex (Go's RE2 syntax) as a tokenwarden PCRE2 pattern. Every RE2 construct means
/// the same in PCRE2 (RE2 has no lookaround or backreferences to differ on) except:
/// - `$` outside multi-line mode: RE2's matches only at the end of the text, PCRE2's also before a
///   final newline; it becomes `\z`.
/// - the secret: gitleaks takes `secretGroup` (else the first capture group that matched), tokenwarden
///   the group named `secret` (else group 1), so group `secretGroup` is named `secret`.
/// PCRE2 backtracks where RE2 runs in linear time: a pathological pattern hits PCRE2's match limit
/// and is then a reported rule error for that file, never a hang.
enum GitleaksRegex {
    struct Translation: Equatable {
        var pattern: String
        /// Capture groups in the pattern.
        var groups: Int
    }

    static func pcre2(_ re2: String, secretGroup: Int? = nil, place: String) throws -> Translation {
        let chars = Array(re2)
        var out = ""
        var groups = 0
        var inClass = false
        let multiline = usesMultiline(chars)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\" {
                // `\Q…\E` is literal text up to `\E` (or the end).
                if i + 1 < chars.count && chars[i + 1] == "Q" {
                    var j = i + 2
                    while j < chars.count && !(chars[j] == "\\" && j + 1 < chars.count && chars[j + 1] == "E") { j += 1 }
                    let end = min(chars.count, j + 2)
                    out += String(chars[i..<end])
                    i = end
                    continue
                }
                out += String(chars[i..<min(chars.count, i + 2)])
                i += 2
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
                out.append(c)
                i += 1
                continue
            }
            switch c {
            case "[":
                inClass = true
                out.append(c)
                i += 1
                // A `]` first in a class (after an optional `^`) is literal in both syntaxes.
                if i < chars.count && chars[i] == "^" { out.append("^"); i += 1 }
                if i < chars.count && chars[i] == "]" { out.append("]"); i += 1 }
            case "(":
                let (capturing, nameEnd) = groupKind(chars, at: i)
                if capturing {
                    groups += 1
                    if groups == secretGroup {
                        out += "(?<secret>"
                        i = nameEnd
                        continue
                    }
                }
                out.append(c)
                i += 1
            case "$" where !multiline:
                out += "\\z"
                i += 1
            default:
                out.append(c)
                i += 1
            }
        }
        if let secretGroup, secretGroup > groups {
            throw InputError("\(place): secretGroup is \(secretGroup) but the regex has \(groups) capture group\(groups == 1 ? "" : "s")")
        }
        return Translation(pattern: out, groups: groups)
    }

    /// Whether `(` at `i` opens a capture group, and where its contents start: `(`, `(?P<name>`, `(?<name>`.
    private static func groupKind(_ chars: [Character], at i: Int) -> (capturing: Bool, contentStart: Int) {
        guard i + 1 < chars.count, chars[i + 1] == "?" else { return (true, i + 1) }
        var j = i + 2
        if j < chars.count && chars[j] == "P" { j += 1 }
        guard j < chars.count, chars[j] == "<", j + 1 < chars.count, chars[j + 1] != "=", chars[j + 1] != "!" else { return (false, i + 1) }
        while j < chars.count && chars[j] != ">" { j += 1 }
        return (true, min(chars.count, j + 1))
    }

    /// Whether any flag group (`(?m)`, `(?im:`, …) turns on multi-line mode somewhere.
    private static func usesMultiline(_ chars: [Character]) -> Bool {
        var i = 0
        while i + 2 < chars.count {
            if chars[i] == "\\" { i += 2; continue }
            if chars[i] == "(" && chars[i + 1] == "?" {
                var j = i + 2
                while j < chars.count && chars[j].isLetter { j += 1 }
                if j < chars.count && (chars[j] == ")" || chars[j] == ":") && chars[(i + 2)..<j].contains("m") { return true }
            }
            i += 1
        }
        return false
    }
}
