/// JUnit XML, the test-report format Azure Pipelines (`PublishTestResults`, format JUnit) and GitLab
/// (`artifacts: reports: junit`) display without plugins. One suite, `tokenwarden`; one test case per
/// finding (class = file, name = `rule@line`): blocking findings fail, the others are skipped, so they
/// show without failing the run. A scan without findings still has one passing case (an empty report
/// reads as "no tests ran" to both services), and scan errors are one erroring case.
public enum JUnitReport {
    public static func render(_ result: ScanResult) -> String {
        var cases: [String] = []
        var failures = 0, skipped = 0, errors = 0
        for f in result.findings {
            let name = "\(f.rule)@\(f.line)" + (f.commit.map { " in \($0.prefix(12))" } ?? "")
            let safe = FindingMessage.withoutSecret(f)
            var body = [TextReport.line(for: safe)] + TextReport.details(for: safe)
            if !body.contains(where: { $0.hasPrefix("remediation: ") }) { body.append("remediation: \(FindingMessage.remediation(f))") }
            let inner: String
            if f.blocking {
                failures += 1
                inner = element("failure", ["type": f.rule, "message": FindingMessage.text(f)], body: body.joined(separator: "\n"))
            } else {
                skipped += 1
                inner = element("skipped", ["message": "not blocking (\(f.confidence.rawValue) confidence): " + FindingMessage.text(f)])
            }
            cases.append(testcase(classname: f.path, name: name, inner: inner))
        }
        let problems = result.errors
            + result.skipped.filter { $0.reason == .unreadable }.map { "could not read \($0.path): \($0.detail)" }
        if !problems.isEmpty {
            errors += 1
            let message = "incomplete scan: \(problems.count) error\(problems.count == 1 ? "" : "s")"
            let inner = element("error", ["type": "scan-error", "message": message], body: problems.joined(separator: "\n"))
            cases.append(testcase(classname: "tokenwarden", name: "scan completed", inner: inner))
        }
        if result.findings.isEmpty {
            cases.append("<testcase classname=\"tokenwarden\" name=\"no secrets found\"/>")
        }
        let seconds = Double(result.summary.durationMilliseconds) / 1000
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(seconds)\""
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"tokenwarden\" \(counts)>\n"
        out += "  <testsuite name=\"tokenwarden\" \(counts)>\n"
        for c in cases { out += "    \(c)\n" }
        out += "  </testsuite>\n</testsuites>\n"
        return out
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
