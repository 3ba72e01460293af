import Foundation

// Usage: embed-rules OUTPUT.swift RULEFILE.yaml...
// Writes a Swift file holding each rule file's text as a raw string literal.
// Parsing stays in the library so built-in and user rules go through one loader.

let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: embed-rules OUTPUT.swift RULEFILE.yaml...\n".utf8))
    exit(2)
}

/// A raw-string delimiter longer than any run of `#` that follows a quote in `text`.
func delimiter(for text: String) -> String {
    var longest = 0, run = 0, afterQuote = false
    for ch in text {
        if ch == "#" && afterQuote { run += 1; longest = max(longest, run) }
        else { run = 0; afterQuote = (ch == "\"") }
    }
    return String(repeating: "#", count: longest + 1)
}

var source = "// Generated at build time by embed-rules from Rules/*.yaml. Do not edit.\n"
source += "enum EmbeddedRules {\n    static let files: [(name: String, yaml: String)] = [\n"
for path in arguments.dropFirst() {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("embed-rules: cannot read \(path) as UTF-8\n".utf8))
        exit(2)
    }
    let name = (path as NSString).lastPathComponent
    let d = delimiter(for: text)
    source += "        (\"\(name)\", \(d)\"\"\"\n\(text)\n\"\"\"\(d)),\n"
}
source += "    ]\n}\n"

do {
    try source.write(toFile: outputPath, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("embed-rules: cannot write \(outputPath): \(error)\n".utf8))
    exit(2)
}
