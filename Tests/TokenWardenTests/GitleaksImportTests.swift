import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// gitleaks configs read into rules: the RE2 → PCRE2 reading, allow lists, and what is reported as not imported.
final class GitleaksImportTests: XCTestCase {
    private func translate(_ re2: String, secretGroup: Int? = nil) throws -> String {
        try GitleaksRegex.pcre2(re2, secretGroup: secretGroup, place: "test").pattern
    }

    func testSecretGroupBecomesTheNamedSecretGroup() throws {
        XCTAssertEqual(try translate(#"(key)\s*=\s*(abc_[0-9]+)"#, secretGroup: 2), #"(key)\s*=\s*(?<secret>abc_[0-9]+)"#)
        // Escaped parentheses, classes holding `(`, non-capturing and flag groups are not counted.
        XCTAssertEqual(
            try translate(#"\((?:a|b)[(](?i)(x)(?P<tok>y+)"#, secretGroup: 2), #"\((?:a|b)[(](?i)(x)(?<secret>y+)"#)
        XCTAssertEqual(try translate(#"(?<first>a)(b)"#, secretGroup: 1), #"(?<secret>a)(b)"#)
        XCTAssertThrowsError(try translate("(a)(b)", secretGroup: 3)) { error in
            XCTAssertTrue("\(error)".contains("secretGroup is 3 but the regex has 2 capture groups"), "\(error)")
        }
    }

    func testDollarMeansTheEndOfTheTextAsInRE2() throws {
        XCTAssertEqual(try translate(#"tok_[a-f0-9]{8}(?:['"\s;]|$)"#), #"tok_[a-f0-9]{8}(?:['"\s;]|\z)"#)
        // Literal and class dollars stay; in multi-line mode `$` is the end of a line in both syntaxes.
        XCTAssertEqual(try translate(#"\$[$]\Q$\E"#), #"\$[$]\Q$\E"#)
        XCTAssertEqual(try translate(#"(?m)^tok$"#), #"(?m)^tok$"#)
        XCTAssertEqual(try translate(#"[]$]x"#), #"[]$]x"#)
        // The translation behaves as RE2 does: no match before a final newline.
        let pattern = try PCRE2Pattern(try translate("tok_[0-9]{4}$"))
        XCTAssertTrue(pattern.occurs(in: "a tok_1234", scratch: MatchScratch()))
        XCTAssertFalse(pattern.occurs(in: "a tok_1234\n", scratch: MatchScratch()))
    }

    private func config(_ toml: String) throws -> GitleaksConfig { try GitleaksConfig(text: toml, origin: "test.toml") }

    func testARuleAndItsAllowListsAreImported() throws {
        let imported = try GitleaksImport(
            try config(
                """
                [[rules]]
                id = "Zorblat_Key"
                description = "Zorblat key"
                regex = '''(zbt_[a-f0-9]{8})'''
                entropy = 2.5
                keywords = ["zbt_"]
                tags = ["key"]
                  [[rules.allowlists]]
                  paths = ['''^test/''']
                  stopwords = ["dead"]
                  commits = ["0123456789abcdef0123456789abcdef01234567"]
                  [[rules.allowlists]]
                  condition = "AND"
                  regexTarget = "line"
                  regexes = ['''(?i)sample''']
                  paths = ['''\\.md$''']
                """), origin: "test.toml", builtInIDs: [])
        let rule = try XCTUnwrap(imported.rules.first)
        XCTAssertEqual(rule.id, "gitleaks.zorblat_key")
        XCTAssertEqual(rule.regex, "(zbt_[a-f0-9]{8})")
        XCTAssertEqual(rule.entropy, EntropyThreshold(all: 2.5))
        XCTAssertEqual(rule.description, "Zorblat key (tags: key)")
        XCTAssertEqual(rule.confidence, .high)
        XCTAssertNil(rule.window, "gitleaks runs a regex over the whole file")
        XCTAssertEqual(
            rule.allowLists,
            [
                RuleAllowList(stopwords: ["dead"], paths: ["^test/"]),
                RuleAllowList(condition: .all, lines: ["(?i)sample"], paths: [#"\.md\z"#]),
            ])
        XCTAssertEqual(imported.notes.filter { $0.hasPrefix("not imported") }.count, 1, "\(imported.notes)")
        XCTAssertTrue(imported.notes.contains { $0.contains("commits 0123456789abcdef") })

        // The imported rule as the matcher runs it: found, or allowed by its lists.
        let set = RuleSet(imported.rules)
        XCTAssertEqual(TestSupport.scan("k = zbt_4f9a0c2e", path: "src/a.py", rules: set).map(\.secret), ["zbt_4f9a0c2e"])
        XCTAssertEqual(TestSupport.scan("k = zbt_4f9a0c2e", path: "test/a.py", rules: set).count, 0, "path allowed")
        XCTAssertEqual(TestSupport.scan("k = zbt_4fdead2e", path: "src/a.py", rules: set).count, 0, "stopword in the secret")
        XCTAssertEqual(TestSupport.scan("sample: zbt_4f9a0c2e", path: "README.md", rules: set).count, 0, "line AND path")
        XCTAssertEqual(TestSupport.scan("sample: zbt_4f9a0c2e", path: "src/a.py", rules: set).count, 1, "AND: the line alone is not enough")
        XCTAssertEqual(TestSupport.scan("k = zbt_4f9a0c2e", path: "README.md", rules: set).count, 1, "AND: the path alone is not enough")
    }

    func testAnANDAllowListWithCommitsIsNotImportedAtAll() throws {
        let imported = try GitleaksImport(
            try config(
                """
                [[rules]]
                id = "x"
                regex = '''x_[0-9]{6}'''
                keywords = ["x_"]
                  [[rules.allowlists]]
                  condition = "AND"
                  commits = ["0123456789abcdef0123456789abcdef01234567"]
                  paths = ['''docs/''']
                """), origin: "test.toml", builtInIDs: [])
        XCTAssertEqual(imported.rules.first?.allowLists, [], "allowing docs/ in every commit would hide more than gitleaks does")
        XCTAssertTrue(imported.notes.contains { $0.contains("an AND allow list with commits") }, "\(imported.notes)")
    }

    func testGlobalAllowListsAndExtend() throws {
        let imported = try GitleaksImport(
            try config(
                """
                title = "t"
                [extend]
                useDefault = true
                disabledRules = ["github-pat-classic", "generic-api-key"]
                path = "base.toml"

                [[rules]]
                id = "a"
                regex = '''a_[0-9]{6}'''
                keywords = ["a_"]

                [[rules]]
                id = "gitlab-pat"
                  [[rules.allowlists]]
                  regexes = ['''MY-glpat-''']

                [allowlist]
                paths = ['''(^|/)vendor/''']
                regexes = ['''^a_000''']
                stopwords = ["c.d"]
                commits = ["abc"]

                [[allowlists]]
                regexTarget = "match"
                regexes = ['''a_1''']

                [[allowlists]]
                targetRules = ["a", "nope"]
                paths = ['''\\.lock$''']
                """), origin: "test.toml", builtInIDs: ["github-pat-classic"])
        XCTAssertEqual(imported.disabledRules, ["github-pat-classic"])
        XCTAssertEqual(imported.allowPaths, ["(^|/)vendor/"])
        XCTAssertEqual(imported.allowSecrets, ["^a_000", #"(?i)c\.d"#])
        XCTAssertEqual(imported.rules.map(\.id), ["gitleaks.a"])
        XCTAssertEqual(imported.rules[0].allowLists, [RuleAllowList(matches: ["a_1"]), RuleAllowList(paths: [#"\.lock\z"#])])
        for expected in [
            "extend.useDefault", "extend.path 'base.toml'", "extend.disabledRules 'generic-api-key'", "rule 'gitlab-pat' has no regex",
            "commits abc", "applies to the imported rules only", "targetRules nope",
        ] {
            XCTAssertTrue(imported.notes.contains { $0.contains(expected) }, "\(expected) in \(imported.notes)")
        }
        // What is written reads back with tokenwarden's own loaders.
        let rules = try RuleLoader.parse(yaml: try imported.rulesYAML(source: "test.toml"), origin: "rules.yaml")
        XCTAssertEqual(rules.map(\.id), imported.rules.map(\.id))
        XCTAssertEqual(rules.first?.allowLists, imported.rules.first?.allowLists)
        XCTAssertNil(rules.first?.window)
        let settings = try Config.parse(try imported.configYAML(rulesFile: "r.yaml", baselineFile: "b.yaml"), origin: "c.yaml")
        XCTAssertEqual(settings.allowPathPatterns, imported.allowPaths)
        XCTAssertEqual(settings.allowSecretPatterns, imported.allowSecrets)
        XCTAssertEqual(settings.disabledRules, ["github-pat-classic"])
        XCTAssertEqual(settings.baseline, "b.yaml")
    }

    func testBadConfigsAreOneLineErrors() throws {
        let cases: [(String, String)] = [
            ("[[rules]\nid = 'x'", "test.toml:1: not TOML"),
            ("[[rules]]\nid = 'x'\nregex = '''(a'''\nkeywords = ['a']", "rule 'x': regex does not compile as PCRE2"),
            ("[[rules]]\nid = 'x'\nregex = 'a'\nkeywords = 'a'", "'keywords' must be an array of strings"),
            ("[[rules]]\nregex = 'a'", "[[rules]] #1 has no id"),
            ("[[rules]]\nid = 'x'\nregex = 'a'\nsecretGroup = 1000", "secretGroup must be 0 to 99"),
            ("[[allowlists]]\ncondition = 'XOR'", "condition must be AND or OR"),
            ("[[allowlists]]\nregexTarget = 'file'", "regexTarget must be secret, match or line"),
            ("a = " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000), "test.toml:1: not TOML"),
            ("title = 'a\u{0}b'", "a NUL byte"),
        ]
        for (toml, expected) in cases {
            XCTAssertThrowsError(try GitleaksImport(try config(toml), origin: "test.toml", builtInIDs: [])) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains(expected), "\(toml.prefix(40)): \(text)")
                XCTAssertFalse(text.contains("\n"), "one line: \(text)")
            }
        }
    }

    func testGitleaksIgnoreLines() {
        let ignore = GitleaksIgnore(
            text: """
                # accepted
                0123456789abcdef0123456789abcdef01234567:src/a:b.py:zorblat:12
                config/app.yml:generic-api-key:3
                not a fingerprint
                """, origin: ".gitleaksignore")
        XCTAssertEqual(
            ignore.entries,
            [
                GitleaksIgnore.Entry(commit: "0123456789abcdef0123456789abcdef01234567", path: "src/a:b.py", rule: "zorblat", line: 12),
                GitleaksIgnore.Entry(commit: nil, path: "config/app.yml", rule: "generic-api-key", line: 3),
            ])
        XCTAssertEqual(
            ignore.notes, ["not imported: .gitleaksignore:4: not a gitleaks fingerprint (commit:path:rule:line or path:rule:line)"])
    }

    func testRuleFileAllowListsAreCheckedWhenLoaded() {
        let bad = """
            rules:
              - id: r
                service: s
                keywords: [r_]
                regex: 'r_[0-9]+'
                allow:
                  - secrets: ['(']
            """
        XCTAssertThrowsError(try RuleLoader.parse(yaml: bad, origin: "r.yaml")) {
            XCTAssertTrue("\($0)".contains("does not compile"), "\($0)")
        }
        let empty = bad.replacingOccurrences(of: "- secrets: ['(']", with: "- condition: all")
        XCTAssertThrowsError(try RuleLoader.parse(yaml: empty, origin: "r.yaml")) {
            XCTAssertTrue("\($0)".contains("needs secrets"), "\($0)")
        }
    }
}
