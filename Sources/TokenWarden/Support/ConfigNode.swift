/// A user-facing error in an input file (rules, config, store, baseline): one line, exit 2.
public struct InputError: Error, CustomStringConvertible, Equatable {
    public enum Kind: String, Sendable {
        /// A bad flag, file or value the user gave (the default).
        case input
        /// git failed, or refused what it was asked.
        case git
        /// A file could not be written.
        case write
    }

    public var kind: Kind
    public var description: String

    /// Control characters (a newline inside a quoted YAML value, say) are escaped, so the message
    /// stays one line whatever the input held.
    public init(_ description: String, kind: Kind = .input) {
        self.kind = kind
        self.description = ControlCharacters.escaped(description)
    }
}

/// Escapes control characters (`\n`, `\t`, `\r`, else `\u{..}`) in text meant to stay on one line.
enum ControlCharacters {
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

/// A parsed YAML document as plain values: scalars stay text (typed on read, by the reader that
/// knows what it expects), with line numbers for error messages. The built-in rules are compiled
/// into this form at build time, so start-up parses no YAML.
public struct ConfigNode: Sendable {
    public enum Kind: Sendable {
        /// `plain` is false for quoted scalars, which are always strings.
        case scalar(String, plain: Bool)
        case list([ConfigNode])
        case map([(key: String, value: ConfigNode)])
    }

    public var kind: Kind
    public var line: Int?

    public init(_ kind: Kind, line: Int? = nil) {
        self.kind = kind
        self.line = line
    }

    // Short constructors for generated code.
    public static func s(_ text: String, _ line: Int) -> ConfigNode { ConfigNode(.scalar(text, plain: false), line: line) }
    public static func p(_ text: String, _ line: Int) -> ConfigNode { ConfigNode(.scalar(text, plain: true), line: line) }
    public static func l(_ items: [ConfigNode], _ line: Int) -> ConfigNode { ConfigNode(.list(items), line: line) }
    public static func m(_ pairs: [(String, ConfigNode)], _ line: Int) -> ConfigNode {
        ConfigNode(.map(pairs.map { (key: $0.0, value: $0.1) }), line: line)
    }

    var isNull: Bool {
        if case .scalar(let text, plain: true) = kind {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// The scalar's text, whatever its YAML type.
    var text: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    var bool: Bool? {
        guard case .scalar(let text, plain: true) = kind else { return nil }
        switch text {
        case "true", "True", "TRUE", "yes", "Yes", "on": return true
        case "false", "False", "FALSE", "no", "No", "off": return false
        default: return nil
        }
    }

    var double: Double? {
        guard case .scalar(let text, plain: true) = kind else { return nil }
        return Double(text)
    }

    var int: Int? {
        guard case .scalar(let text, plain: true) = kind else { return nil }
        return Int(text)
    }

    /// Parses YAML text; a syntax error, an anchor or alias, or a file beyond `limits` becomes a
    /// one-line `InputError` naming `origin` and, where there is one, line and column.
    public static func parseYAML(_ text: String, origin: String, limits: YAMLLimits = .handWritten) throws -> ConfigNode? {
        try YAMLReader.parse(text, origin: origin, limits: limits)
    }

    /// As `parseYAML`, but each item of the top-level list `key` goes to `take` as it is read and
    /// is left out of the tree (the list stays, empty): for files with very many entries.
    static func parseYAML(
        _ text: String, origin: String, limits: YAMLLimits, streaming key: String,
        to take: (ConfigNode) throws -> Void
    ) throws -> ConfigNode? {
        try withoutActuallyEscaping(take) { take in
            try YAMLReader.parse(text, origin: origin, limits: limits, streaming: (key, take))
        }
    }
}
