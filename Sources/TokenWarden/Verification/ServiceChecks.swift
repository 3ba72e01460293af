/// Every live check tokenwarden has, by the rule ids they verify. Two lists so the seed services
/// (the research-data services the project grew from, and GitHub) and the other platforms each
/// have a file of their own.
public enum ServiceChecks {
    public static var all: [any ServiceCheck] { seed + platforms }

    /// The check for a rule id, if any.
    public static func check(forRule rule: String) -> (any ServiceCheck)? {
        all.first { $0.rules.contains(rule) }
    }

    /// The check for a store service name (`store audit --live`), if any.
    public static func check(forService service: String) -> (any ServiceCheck)? {
        all.first { $0.service == service }
    }
}
