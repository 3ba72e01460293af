/// The reports `merge` was given, checked to be the shards of one audit: one input, one set of
/// settings, one split into N, each shard once. A CI job that never ran, ran twice, or scanned
/// another checkout is an error rather than a quietly smaller report.
struct ShardSet {
    let members: [(name: String, scope: ScanScope)]

    init(_ members: [(name: String, scope: ScanScope)]) {
        self.members = members
    }

    /// The merged report's scope: the whole input (`1/1`), or with `allowPartial` the shards it lacks.
    func check(allowPartial: Bool) throws -> ScanScope {
        guard let (firstName, first) = members.first else { throw InputError("no reports to merge") }
        for (name, scope) in members.dropFirst() {
            if scope.inputDigest != first.inputDigest {
                throw InputError(
                    "\(name) and \(firstName) scanned different inputs (\(Self.describe(scope)) vs \(Self.describe(first))): only shards of one input merge"
                )
            }
            if scope.settingsDigest != first.settingsDigest {
                throw InputError(
                    "\(name) and \(firstName) were scanned with different rules or settings (settings \(scope.settingsDigest.prefix(12)) vs \(first.settingsDigest.prefix(12))): scan every shard with the same tokenwarden, rules and config"
                )
            }
            if scope.shard.count != first.shard.count {
                throw InputError(
                    "\(name) is shard \(scope.shard) but \(firstName) is shard \(first.shard): shards of different splits do not merge")
            }
        }
        var owner: [Shard: String] = [:]
        var missing: [Shard] = []
        for (name, scope) in members {
            if let other = owner.updateValue(name, forKey: scope.shard) {
                throw InputError("shard \(scope.shard) is given twice (\(other) and \(name)): each shard merges once")
            }
            if let lacking = scope.missingShards, !lacking.isEmpty {
                guard allowPartial else {
                    throw InputError("\(name) is a partial report (it lacks \(Self.list(lacking))); pass --allow-partial to merge it")
                }
                missing += lacking
            }
        }
        let n = first.shard.count
        let absent = (1...n).map { Shard(index: $0, count: n) }.filter { owner[$0] == nil }
        if !absent.isEmpty && !allowPartial {
            throw InputError(
                "missing \(absent.count == 1 ? "shard" : "shards") \(Self.list(absent)) (given \(Self.list(owner.keys.sorted()))); merge all \(n) or pass --allow-partial"
            )
        }
        var merged = first
        merged.shard = .whole
        let lacking = (missing + absent).sorted()
        merged.missingShards = lacking.isEmpty ? nil : lacking
        return merged
    }

    static func list(_ shards: [Shard]) -> String { shards.map(\.description).joined(separator: ", ") }

    static func describe(_ scope: ScanScope) -> String { "\(scope.mode) of \(scope.input), input \(scope.inputDigest.prefix(12))" }
}
