/// Every name a rule answers to — its id and its former ids (`aliases:`) — mapped to its current
/// id, so a baseline entry or an allow comment written before a rename still names the rule.
public struct RuleIDs: Sendable, Equatable {
    private var current: [String: String] = [:]

    public init(_ rules: [Rule]) {
        for rule in rules {
            for name in [rule.id] + rule.aliases { current[name] = rule.id }
        }
    }

    /// The current id of the rule `name` names, or nil when no rule has that id or alias.
    public func currentID(of name: String) -> String? { current[name] }
}
