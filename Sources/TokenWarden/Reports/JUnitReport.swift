import Foundation

/// JUnit XML, the test-report format Azure Pipelines (`PublishTestResults`, format JUnit) and GitLab
/// (`artifacts: reports: junit`) display without plugins. One suite, `tokenwarden`, stamped with the
/// scan's start; one test case per finding (class = file, name = rule, path and fingerprint prefix —
/// no line number, so a finding keeps its test's history when lines move above it; a repeat of the
/// same secret in the same file gets ` #2`): blocking findings fail, the others are skipped, so they
/// show without failing the run. A scan without findings still has one passing case (an empty report
/// reads as "no tests ran" to both services), and scan errors are one erroring case. The suite's
/// `properties` record the tokenwarden version.
public enum JUnitReport {
    /// The suite's counts first (they are attributes of its opening tags), then one test case per
    /// finding as it is formatted.
    /// `finishedAt` is when the scan ended (its duration gives the start, the suite's `timestamp`); a
    /// parameter, so the report depends on nothing but its arguments.
    public static func write(_ result: ScanResult, finishedAt: Date, to sink: ReportSink) throws {
        let problems = FindingMessage.problems(result)
        let failures = result.findings.reduce(0) { $0 + ($1.blocking ? 1 : 0) }
        let skipped = result.findings.count - failures
        let errors = problems.isEmpty ? 0 : 1
        let tests = result.findings.count + errors + (result.findings.isEmpty ? 1 : 0)
        let seconds = Double(result.summary.durationMilliseconds) / 1000
        let counts = "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(seconds)\""
        try sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        try sink.write("<testsuites name=\"tokenwarden\" \(counts)>\n")
        let start = finishedAt.addingTimeInterval(-seconds)
        try sink.write("  <testsuite name=\"tokenwarden\" \(counts) timestamp=\"\(ReportTimestamp.utc(start))\">\n")
        try sink.write(
            "    <properties>\n      \(element("property", ["name": "tokenwarden.version", "value": TokenWardenVersion.current]))\n    </properties>\n"
        )
        var seen: [String: Int] = [:]
        for f in result.findings {
            let name = testName(f)
            let n = (seen[name] ?? 0) + 1
            seen[name] = n
            try sink.write("    \(testcase(f, name: n == 1 ? name : "\(name) #\(n)"))\n")
        }
        if !problems.isEmpty {
            let message = "incomplete scan: \(problems.count) error\(problems.count == 1 ? "" : "s")"
            let inner = element("error", ["type": "scan-error", "message": message], body: problems.joined(separator: "\n"))
            try sink.write("    \(testcase(classname: "tokenwarden", name: "scan completed", inner: inner))\n")
        }
        if result.findings.isEmpty {
            try sink.write("    <testcase classname=\"tokenwarden\" name=\"no secrets found\"/>\n")
        }
        try sink.write("  </testsuite>\n</testsuites>\n")
    }

    public static func render(_ result: ScanResult, finishedAt: Date) -> String {
        // A memory sink does not fail.
        try! MemorySink.text { try write(result, finishedAt: finishedAt, to: $0) }
    }

    /// What identifies a finding across runs: its rule, file and published fingerprint (keyed, or a
    /// hash that cannot test a guess), never its line.
    static func testName(_ f: Finding) -> String {
        "\(f.rule) in \(f.path) [\(f.fingerprint.prefix(12))]"
    }

    /// A finding's case: blocking findings fail, the others are skipped.
    static func testcase(_ f: Finding, name: String) -> String {
        let safe = FindingMessage.withoutSecret(f)
        var body = [TextReport.line(for: safe)] + TextReport.details(for: safe)
        if !body.contains(where: { $0.hasPrefix("remediation: ") }) { body.append("remediation: \(FindingMessage.remediation(f))") }
        let inner =
            f.blocking
            ? element("failure", ["type": f.rule, "message": FindingMessage.text(f)], body: body.joined(separator: "\n"))
            : element("skipped", ["message": "not blocking (\(f.confidence.rawValue) confidence): " + FindingMessage.text(f)])
        return testcase(classname: f.path, name: name, inner: inner)
    }

    static func testcase(classname: String, name: String, inner: String) -> String {
        "<testcase classname=\"\(attribute(classname))\" name=\"\(attribute(name))\">\n      \(inner)\n    </testcase>"
    }

    /// An element with attributes in the order given (type before message, as JUnit writers do).
    static func element(_ tag: String, _ attributes: KeyValuePairs<String, String>, body: String? = nil) -> String {
        let attrs = attributes.map { " \($0.key)=\"\(attribute($0.value))\"" }.joined()
        guard let body else { return "<\(tag)\(attrs)/>" }
        return "<\(tag)\(attrs)>\(text(body))</\(tag)>"
    }

    /// Escapes text content: markup characters, and characters XML 1.0 cannot carry at all.
    static func text(_ s: String) -> String {
        escape(s, inAttribute: false)
    }

    /// Escapes an attribute value; tabs and line breaks become references so attribute-value
    /// normalisation does not turn them into spaces.
    static func attribute(_ s: String) -> String {
        escape(s, inAttribute: true)
    }

    /// XML 1.0 forbids control characters other than tab, LF and CR even as character references
    /// (`&#1;` is not well-formed), and U+FFFE/U+FFFF; they are written visibly as `\u{1}` instead,
    /// so a report about a file with odd bytes in its name still parses.
    static func escape(_ s: String, inAttribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "'" where inAttribute: out += "&apos;"
            case "\t" where inAttribute: out += "&#9;"
            case "\n" where inAttribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
