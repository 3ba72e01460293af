import Foundation
import Yams

// Usage: embed-rules OUTPUT.swift RULEFILE.yaml...
// Compiles each rule file's YAML into Swift source that rebuilds the same ConfigNode tree, so the
// binary carries its rules and start-up parses no YAML. Which keys a rule has, and what they mean,
// is checked by the library's RuleLoader on that tree, for built-in and user rules alike.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("embed-rules: \(message)\n".utf8))
    exit(2)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let outputPath = arguments.first else { fail("usage: embed-rules OUTPUT.swift RULEFILE.yaml...") }

/// A Swift string literal for `text`.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
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
    return out + "\""
}

/// Swift source for one node: `.s`/`.p` scalars (quoted/plain), `.l` lists, `.m` maps, with lines.
func source(_ node: Node, _ path: String) -> String {
    let line = (node.mark?.line).map(String.init) ?? "0"
    switch node {
    case .scalar(let s):
        return ".\(s.style == .plain ? "p" : "s")(\(literal(s.string)), \(line))"
    case .sequence(let seq):
        return ".l([\(seq.map { source($0, path) }.joined(separator: ", "))], \(line))"
    case .mapping(let mapping):
        let pairs = mapping.map { key, value -> String in
            guard case .scalar(let k) = key else { fail("\(path):\(line): keys must be strings") }
            return "(\(literal(k.string)), \(source(value, path)))"
        }
        return ".m([\(pairs.joined(separator: ", "))], \(line))"
    case .alias:
        fail("\(path):\(line): YAML aliases are not supported in rule files")
    }
}

/// Keys only `rules check` (and the tests) read: a scan builds its tree without them, which is a
/// large part of start-up for hundreds of rules.
let exampleKeys: Set<String> = ["examples", "negative_examples"]

/// Swift source for one top-level list item (a rule): its example keys are added only when asked for.
func itemSource(_ node: Node, _ path: String) -> String {
    guard case .mapping(let mapping) = node else { return source(node, path) }
    let line = (node.mark?.line).map(String.init) ?? "0"
    var always: [String] = [], examples: [String] = []
    for (key, value) in mapping {
        guard case .scalar(let k) = key else { fail("\(path):\(line): keys must be strings") }
        let pair = "(\(literal(k.string)), \(source(value, path)))"
        if exampleKeys.contains(k.string) { examples.append(pair) } else { always.append(pair) }
    }
    guard !examples.isEmpty else { return ".m([\(always.joined(separator: ", "))], \(line))" }
    // Keys keep their order: examples come last in the rule files, and a map's order is not meaning.
    return ".m([\(always.joined(separator: ", "))] + (examples ? [\(examples.joined(separator: ", "))] : []), \(line))"
}

var functions: [String] = []
var entries: [String] = []
for (f, path) in arguments.dropFirst().enumerated() {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path) as UTF-8") }
    let root: Node?
    do { root = try Yams.compose(yaml: text) } catch { fail("\(path): malformed YAML: \(error)") }
    let name = (path as NSString).lastPathComponent
    // One function per top-level list item keeps each expression small for the type checker.
    var body = ".p(\"\", 0)"
    if let root, case .mapping(let mapping) = root {
        var pairs: [String] = []
        for (key, value) in mapping {
            guard case .scalar(let k) = key else { fail("\(path): keys must be strings") }
            if case .sequence(let items) = value {
                var calls: [String] = []
                for (i, item) in items.enumerated() {
                    let fn = "file\(f)_\(k.string.filter(\.isLetter))\(i)"
                    functions.append("    static func \(fn)(_ examples: Bool) -> ConfigNode { \(itemSource(item, path)) }")
                    calls.append("\(fn)(examples)")
                }
                pairs.append("(\(literal(k.string)), .l([\(calls.joined(separator: ", "))], \(value.mark?.line ?? 0)))")
            } else {
                pairs.append("(\(literal(k.string)), \(source(value, path)))")
            }
        }
        body = ".m([\(pairs.joined(separator: ", "))], \(root.mark?.line ?? 0))"
    } else if let root {
        body = source(root, path)
    }
    functions.append("    static func file\(f)(_ examples: Bool) -> ConfigNode { \(body) }")
    entries.append("        (\(literal(name)), file\(f)),")
}

let output = """
    // Generated at build time by embed-rules from Rules/*.yaml. Do not edit.
    enum EmbeddedRules {
        /// Each file's tree; `examples: false` leaves out the rules' examples, which only `rules check` reads.
        static let files: [(name: String, root: (_ examples: Bool) -> ConfigNode)] = [
    \(entries.joined(separator: "\n"))
        ]

    \(functions.joined(separator: "\n"))
    }

    """
do {
    try output.write(toFile: outputPath, atomically: true, encoding: .utf8)
} catch {
    fail("cannot write \(outputPath): \(error)")
}
