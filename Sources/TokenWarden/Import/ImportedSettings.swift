import Yams

/// The files `import gitleaks` writes: a rule file (`rules:` as `RuleLoader` reads it) and a config
/// that names it, each read back by tokenwarden's own loaders before it is written.
extension GitleaksImport {
    public func rulesYAML(source: String) throws -> String {
        let items = rules.map { rule -> Node in
            var fields: [(Node, Node)] = [
                (Node("id"), Node(rule.id)), (Node("service"), Node(rule.service)), (Node("description"), Node(rule.description)),
            ]
            if !rule.keywords.isEmpty { fields.append((Node("keywords"), Self.list(rule.keywords))) }
            fields.append((Node("regex"), Node(rule.regex)))
            if let entropy = rule.entropy { fields.append((Node("entropy"), Node(String(entropy.hex)))) }
            fields.append((Node("confidence"), Node(rule.confidence.rawValue)))
            if let path = rule.path { fields.append((Node("path"), Node(path))) }
            fields.append((Node("window"), Node("file")))
            if !rule.allowLists.isEmpty { fields.append((Node("allow"), Node.sequence(Node.Sequence(rule.allowLists.map(Self.node))))) }
            return Node.mapping(Node.Mapping(fields))
        }
        let root = Node.mapping(Node.Mapping([(Node("rules"), Node.sequence(Node.Sequence(items)))]))
        let text =
            "# Imported from \(source) by `tokenwarden import gitleaks`: gitleaks' RE2 regexes, read as PCRE2.\n"
            + (try Yams.serialize(node: root))
        _ = try RuleLoader.parse(yaml: text, origin: "the imported rules")
        return text
    }

    /// The config: the rule file (relative to the config), what `extend.disabledRules` named, global allow lists, the baseline.
    public func configYAML(rulesFile: String, baselineFile: String?) throws -> String {
        var fields: [(Node, Node)] = [(Node("version"), Node("1")), (Node("rules"), Self.list([rulesFile]))]
        if !disabledRules.isEmpty { fields.append((Node("disabled_rules"), Self.list(disabledRules))) }
        var allow: [(Node, Node)] = []
        if !allowSecrets.isEmpty { allow.append((Node("secrets"), Self.list(allowSecrets))) }
        if !allowPaths.isEmpty { allow.append((Node("paths"), Self.list(allowPaths))) }
        if !allow.isEmpty { fields.append((Node("allow"), Node.mapping(Node.Mapping(allow)))) }
        if let baselineFile { fields.append((Node("baseline"), Node(baselineFile))) }
        let text =
            "# tokenwarden settings imported from a gitleaks config.\n" + (try Yams.serialize(node: Node.mapping(Node.Mapping(fields))))
        _ = try Config.parse(text, origin: "the imported config")
        return text
    }

    private static func list(_ items: [String]) -> Node { Node.sequence(Node.Sequence(items.map { Node($0) })) }

    private static func node(_ list: RuleAllowList) -> Node {
        var fields: [(Node, Node)] = []
        if list.condition != .any { fields.append((Node("condition"), Node(list.condition.rawValue))) }
        for (key, values) in [
            ("secrets", list.secrets), ("matches", list.matches), ("lines", list.lines), ("stopwords", list.stopwords),
            ("paths", list.paths),
        ] where !values.isEmpty {
            fields.append((Node(key), Self.list(values)))
        }
        return Node.mapping(Node.Mapping(fields))
    }
}
