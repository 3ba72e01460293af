/// CI log commands that put findings on the changed lines: GitHub Actions workflow commands and Azure
/// Pipelines logging commands. Blocking findings are errors, the others warnings; scan errors are
/// errors without a file, so an incomplete scan is not mistaken for a clean one. Every value is escaped
/// as the runner unescapes it: a path or message holding `%`, `:`, `,`, `;`, `]` or a line break
/// must neither end the command early nor inject a second one. GitHub shows only the first few
/// annotations of each level per step; the SARIF report is the complete record.
public enum Annotations {
    /// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, one line per finding.
    /// Columns count UTF-16 code units as GitHub does (`endColumn` inclusive); paths are from the
    /// repository's top when `source` is known, so the annotation lands on the file whatever the
    /// directory the scan ran in.
    public static func writeGitHub(_ result: ScanResult, source: SourceRoot? = nil, to sink: ReportSink) throws {
        for f in result.findings {
            let properties = [
                ("file", path(f, source)), ("line", String(f.line)), ("col", String(f.span.characterColumn)),
                ("endLine", String(f.endLine)), ("endColumn", String(f.span.characterEndColumn - 1)), ("title", "tokenwarden: \(f.rule)"),
            ].map { "\($0.0)=\(githubProperty($0.1))" }.joined(separator: ",")
            try sink.write("::\(f.blocking ? "error" : "warning") \(properties)::\(githubData(message(f)))\n")
        }
        for problem in FindingMessage.problems(result) {
            try sink.write("::error title=\(githubProperty("tokenwarden: incomplete scan"))::\(githubData(problem))\n")
        }
    }

    /// `##vso[task.logissue type=error;sourcepath=…;linenumber=…;columnnumber=…;code=RULE]message`.
    public static func writeAzure(_ result: ScanResult, source: SourceRoot? = nil, to sink: ReportSink) throws {
        for f in result.findings {
            let properties = [
                ("type", f.blocking ? "error" : "warning"), ("sourcepath", path(f, source)), ("linenumber", String(f.line)),
                ("columnnumber", String(f.span.characterColumn)), ("code", f.rule),
            ].map { "\($0.0)=\(azureEscape($0.1))" }.joined(separator: ";")
            try sink.write("##vso[task.logissue \(properties)]\(azureEscape(message(f)))\n")
        }
        for problem in FindingMessage.problems(result) {
            try sink.write("##vso[task.logissue type=error;code=tokenwarden]\(azureEscape("incomplete scan: " + problem))\n")
        }
    }

    public static func github(_ result: ScanResult, source: SourceRoot? = nil) -> String {
        // A memory sink does not fail.
        try! MemorySink.text { try writeGitHub(result, source: source, to: $0) }
    }

    public static func azure(_ result: ScanResult, source: SourceRoot? = nil) -> String {
        try! MemorySink.text { try writeAzure(result, source: source, to: $0) }
    }

    /// The finding's path from the repository's top where known, else as reported.
    static func path(_ f: Finding, _ source: SourceRoot?) -> String {
        source?.repositoryPath(f.path) ?? f.path
    }

    /// The finding and what to do about it; the line break is escaped, and both runners show it.
    static func message(_ f: Finding) -> String {
        FindingMessage.text(f) + "\n" + "remediation: " + FindingMessage.remediation(f)
    }

    /// Replaces each scalar found in `table`; the three escapings below differ only in their tables.
    static func escape(_ s: String, _ table: [Unicode.Scalar: String]) -> String {
        var out = ""
        for c in s.unicodeScalars {
            if let replacement = table[c] { out += replacement } else { out.unicodeScalars.append(c) }
        }
        return out
    }

    /// GitHub's escaping of a command's message (as `@actions/core` does it).
    static func githubData(_ s: String) -> String {
        escape(s, ["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// GitHub's escaping of a property value: the message's, plus `:` and `,`, which delimit properties.
    static func githubProperty(_ s: String) -> String {
        escape(githubData(s), [":": "%3A", ",": "%2C"])
    }

    /// The Azure agent's escaping (as `azure-pipelines-task-lib` does it): `%` as `%AZP25`, and
    /// the characters that end a property (`;`), the command (`]`) or the line. One pass, so the
    /// `%` of a replacement is never escaped again.
    static func azureEscape(_ s: String) -> String {
        escape(s, ["%": "%AZP25", ";": "%3B", "]": "%5D", "\r": "%0D", "\n": "%0A"])
    }
}
