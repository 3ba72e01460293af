import Foundation

/// The rules as a Markdown document (`tokenwarden rules list --format markdown`), which is
/// `docs/RULES.md`: one table per service, so the reference never drifts from the rule files.
public enum RuleCatalog {
    /// How to regenerate the document, printed at its top.
    public static let regenerate = "make rules-doc"

    /// `codeDefined`: rules whose secrets code finds (keystores, registered tokens), listed after the others.
    public static func markdown(_ rules: [Rule], codeDefined: [Rule] = []) -> String {
        let services = Dictionary(grouping: rules + codeDefined, by: \.service)
        var out = """
            # Rules

            <!-- Generated from Rules/*.yaml by `tokenwarden rules list --format markdown` (`\(regenerate)`). Do not edit. -->

            \(rules.count + codeDefined.count) rules for \(services.count) services\(codeDefined.isEmpty ? "" : " (\(codeDefined.count) of them found by code, not a pattern: keystores by their magic bytes, registered tokens by their fingerprint)"). A finding names its rule by id, and baselines and
            `tokenwarden:allow` comments key on it; a renamed rule keeps its former ids, listed here.
            Confidence `medium` and `high` findings block; `low` findings are reported only.


            """
        for service in services.keys.sorted() {
            out += "## \(service)\n\n| Rule | Finds | Confidence | Former ids | Documentation |\n|---|---|---|---|---|\n"
            for rule in services[service]! {
                let links = rule.references.enumerated().map { i, url in "[\(i == 0 ? "docs" : "\(i + 1)")](\(url))" }
                let cells = [
                    "`\(rule.id)`", rule.description, rule.confidence.rawValue,
                    rule.aliases.map { "`\($0)`" }.joined(separator: ", "), links.joined(separator: " "),
                ]
                out += "| " + cells.map(cell).joined(separator: " | ") + " |\n"
            }
            out += "\n" + liveChecks(services[service]!)
        }
        return out
    }

    /// What `scan --verify` sends for the service's rules that have a `verify:` key, and what the answers mean.
    private static func liveChecks(_ rules: [Rule]) -> String {
        let checked = rules.filter { $0.verify != nil }
        guard !checked.isEmpty else { return "" }
        var out = "Live check (`scan --verify`):\n\n"
        for rule in checked {
            let v = rule.verify!
            out += "- `\(rule.id)`: `\(v.endpoint)`. Valid: \(v.valid) Invalid: \(v.invalid)"
            out += (v.notes.map { " \($0)" } ?? "") + "\n"
        }
        return out + "\n"
    }

    /// Table-cell text: a `|` would end the cell, a line break the row.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
