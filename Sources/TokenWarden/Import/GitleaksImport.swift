/// `tokenwarden import gitleaks`: a gitleaks config as tokenwarden rules and config settings, with
/// one line for everything that could not be carried over (never a silent drop).
///
/// - each rule becomes `gitleaks.<id>` (service `gitleaks`, high confidence: gitleaks fails on any
///   finding; `window: file`: gitleaks runs a regex over the whole file); its regex is read as PCRE2
///   (`GitleaksRegex`); a rule without keywords runs on every file (`path: '.'`), as in gitleaks.
/// - rule allow lists become the rule's `allow:` lists; global ones become the config's
///   `allow.secrets` (secret regexes, stopwords) and `allow.paths` (path regexes), which apply to
///   tokenwarden's built-in rules too, and rule `allow:` lists for what only imported rules can take
///   (match and line regexes, AND conditions, `targetRules`).
/// - commits (in allow lists) have no counterpart: baseline those findings instead.
public struct GitleaksImport: Sendable {
    public var rules: [Rule] = []
    /// gitleaks id → the imported rule's id.
    public var ruleIDs: [String: String] = [:]
    public var disabledRules: [String] = []
    public var allowSecrets: [String] = []
    public var allowPaths: [String] = []
    /// What was not imported, or imported with a difference worth knowing: one line each.
    public var notes: [String] = []

    /// The imported rules by their gitleaks id (what `.gitleaksignore` entries name).
    public var rulesByGitleaksID: [String: Rule] {
        var byID: [String: Rule] = [:]
        for (gitleaksID, id) in ruleIDs { byID[gitleaksID] = rules.first { $0.id == id } }
        return byID
    }

    /// `builtInIDs`: tokenwarden's own rule ids, which `extend.disabledRules` may name.
    public init(_ config: GitleaksConfig, origin: String, builtInIDs: Set<String>) throws {
        if config.useDefault {
            notes.append("extend.useDefault: gitleaks' default rules are not imported; tokenwarden's built-in rules take their place")
        } else if !config.rules.isEmpty {
            notes.append(
                "this config replaces gitleaks' default rules, but tokenwarden's built-in rules still run (list their ids in disabled_rules to turn them off)"
            )
        }
        if let path = config.extendPath {
            notes.append("not imported: extend.path '\(path)': import that config too and list its rule file in the config's 'rules'")
        }
        for id in config.disabledRules {
            if builtInIDs.contains(id) {
                disabledRules.append(id)
            } else {
                notes.append("not imported: extend.disabledRules '\(id)': tokenwarden has no rule of that id")
            }
        }
        notes += config.unknownKeys.map { "not imported: '\($0)': not a gitleaks setting this import knows" }
        var taken = builtInIDs
        for rule in config.rules {
            guard let imported = try Self.rule(rule, origin: origin, notes: &notes) else { continue }
            var id = imported.id
            var n = 2
            while taken.contains(id) { id = "\(imported.id)-\(n)"; n += 1 }
            taken.insert(id)
            ruleIDs[rule.id] = id
            var r = imported
            r.id = id
            rules.append(r)
        }
        for list in config.allowLists { try global(list, origin: origin) }
    }

    /// A gitleaks id as a tokenwarden id: lower case, other characters as `-`, under `gitleaks.`.
    static func id(for gitleaksID: String) -> String {
        let safe = gitleaksID.lowercased().unicodeScalars.map { c -> Character in
            ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "." || c == "_" || c == "-" ? Character(c) : "-"
        }
        return "gitleaks." + String(safe)
    }

    private static func rule(_ rule: GitleaksConfig.Rule, origin: String, notes: inout [String]) throws -> Rule? {
        let place = "\(origin): rule '\(rule.id)'"
        guard let regex = rule.regex, !regex.isEmpty else {
            notes.append(
                rule.path == nil
                    ? "not imported: rule '\(rule.id)' has no regex: it adds to gitleaks' default rule of that id, which tokenwarden does not have"
                    : "not imported: rule '\(rule.id)' matches file paths only (no regex): tokenwarden rules find secrets in contents")
            return nil
        }
        let translation = try GitleaksRegex.pcre2(regex, secretGroup: rule.secretGroup, place: place)
        try compile(translation.pattern, what: "regex", place: place)
        if (rule.secretGroup ?? 0) == 0 && translation.groups > 1 {
            notes.append(
                "rule '\(rule.id)': no secretGroup and \(translation.groups) groups: gitleaks takes the first group that matched, tokenwarden group 1"
            )
        }
        var path = try rule.path.map { try GitleaksRegex.pcre2($0, place: place).pattern }
        if let path { try compile(path, what: "path", place: place) }
        if rule.keywords.isEmpty && path == nil {
            path = "."
            notes.append("rule '\(rule.id)' has no keywords: it runs on every file, as in gitleaks (slower than a rule with keywords)")
        }
        notes += rule.unknownKeys.map { "not imported: rule '\(rule.id)' key '\($0)'" }
        var allowLists: [RuleAllowList] = []
        for list in rule.allowLists {
            if let mapped = try allowList(list, origin: origin, notes: &notes) { allowLists.append(mapped) }
        }
        let tags = rule.tags.isEmpty ? "" : " (tags: \(rule.tags.joined(separator: ", ")))"
        return Rule(
            id: id(for: rule.id), service: "gitleaks", description: (rule.description ?? rule.id) + tags,
            keywords: rule.keywords.filter { !$0.isEmpty }, regex: translation.pattern,
            entropy: rule.entropy.map(EntropyThreshold.init(all:)),
            confidence: .high, path: path, allowLists: allowLists, window: nil, origin: origin)
    }

    /// A gitleaks allow list as a rule's, or nil (with a note) when dropping part of it would allow
    /// more than gitleaks does: an AND list naming commits.
    private static func allowList(_ list: GitleaksConfig.AllowList, origin: String, notes: inout [String]) throws -> RuleAllowList? {
        notes += list.unknownKeys.map { "not imported: \(list.place) key '\($0)'" }
        if !list.commits.isEmpty {
            if list.requireAll {
                notes.append("not imported: \(list.place): an AND allow list with commits (tokenwarden has no commit allow list)")
                return nil
            }
            notes.append("not imported: \(list.place) commits \(list.commits.joined(separator: ", ")) (baseline those findings instead)")
        }
        let regexes = try list.regexes.map { try GitleaksRegex.pcre2($0, place: "\(origin): \(list.place)").pattern }
        let paths = try list.paths.map { try GitleaksRegex.pcre2($0, place: "\(origin): \(list.place)").pattern }
        for pattern in regexes + paths { try compile(pattern, what: "allow list regex", place: "\(origin): \(list.place)") }
        let mapped = RuleAllowList(
            condition: list.requireAll ? .all : .any, secrets: list.regexTarget == "secret" ? regexes : [],
            matches: list.regexTarget == "match" ? regexes : [], lines: list.regexTarget == "line" ? regexes : [],
            stopwords: list.stopwords, paths: paths)
        return mapped.isEmpty ? nil : mapped
    }

    /// A global allow list: into the config where it can apply to every rule, else onto the imported rules.
    private mutating func global(_ list: GitleaksConfig.AllowList, origin: String) throws {
        if !list.targetRules.isEmpty {
            var unknown: [String] = []
            var local = list
            local.targetRules = []
            guard let mapped = try Self.allowList(local, origin: origin, notes: &notes) else { return }
            for target in list.targetRules {
                guard let id = ruleIDs[target], let i = rules.firstIndex(where: { $0.id == id }) else { unknown.append(target); continue }
                rules[i].allowLists.append(mapped)
            }
            if !unknown.isEmpty {
                notes.append("not imported: \(list.place) for targetRules \(unknown.joined(separator: ", ")), which are not imported rules")
            }
            return
        }
        let everyRule = !list.requireAll && list.regexTarget == "secret"
        if everyRule {
            notes += list.unknownKeys.map { "not imported: \(list.place) key '\($0)'" }
            if !list.commits.isEmpty {
                notes.append(
                    "not imported: \(list.place) commits \(list.commits.joined(separator: ", ")) (baseline those findings instead)")
            }
            let place = "\(origin): \(list.place)"
            let regexes = try list.regexes.map { try GitleaksRegex.pcre2($0, place: place).pattern }
            let paths = try list.paths.map { try GitleaksRegex.pcre2($0, place: place).pattern }
            for pattern in regexes + paths { try Self.compile(pattern, what: "allow list regex", place: place) }
            allowSecrets += regexes + list.stopwords.map(Self.stopwordPattern)
            allowPaths += paths
            return
        }
        // Match and line targets, AND conditions: only a rule's own allow list can say them.
        guard let mapped = try Self.allowList(list, origin: origin, notes: &notes) else { return }
        for i in rules.indices { rules[i].allowLists.append(mapped) }
        notes.append(
            "\(list.place) (\(list.requireAll ? "AND" : "regexTarget \(list.regexTarget)")) applies to the imported rules only, not to tokenwarden's built-in rules"
        )
    }

    /// A stopword as a pattern on the secret: the word anywhere in it, any case.
    static func stopwordPattern(_ word: String) -> String {
        "(?i)" + word.map { $0.isASCII && !$0.isLetter && !$0.isNumber ? "\\\($0)" : String($0) }.joined()
    }

    private static func compile(_ pattern: String, what: String, place: String) throws {
        do { _ = try PCRE2Pattern(pattern) } catch { throw InputError("\(place): \(what) does not compile as PCRE2: \(error)") }
    }
}
