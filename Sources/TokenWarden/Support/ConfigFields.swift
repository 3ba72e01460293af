/// Strict reading of one mapping from a rule, config, store or baseline file: typed getters
/// with `origin:line` in every error, and `finish()` rejects keys nobody asked for, so a typo
/// never passes silently.
struct ConfigFields {
    let node: ConfigNode
    let origin: String
    private var pairs: [(key: String, value: ConfigNode)] = []
    /// Per pair, whether a getter asked for it; and every key asked for, for `finish`'s message.
    /// Arrays, not sets: a 100k-token store makes a million of these calls, and maps are small.
    private var used: [Bool] = []
    private var asked: [String] = []

    init(_ node: ConfigNode, origin: String, what: String) throws {
        self.node = node
        self.origin = origin
        guard case .map(let map) = node.kind else {
            throw InputError("\(ConfigFields.locate(node, origin)): \(what) must be a mapping")
        }
        // Comparing each key with those before it is quickest for the usual handful of keys,
        // but quadratic: a hostile file's map of 100k keys is checked with a set.
        func duplicate(_ pair: (key: String, value: ConfigNode)) -> InputError {
            InputError("\(ConfigFields.locate(pair.value, origin)): duplicate key '\(pair.key)'")
        }
        if map.count <= 16 {
            for i in map.indices where map[..<i].contains(where: { $0.key == map[i].key }) { throw duplicate(map[i]) }
        } else {
            var seen = Set<String>(minimumCapacity: map.count)
            for pair in map where !seen.insert(pair.key).inserted { throw duplicate(pair) }
        }
        pairs = map
        used = Array(repeating: false, count: map.count)
        asked.reserveCapacity(map.count + 4)
    }

    static func locate(_ node: ConfigNode, _ origin: String) -> String {
        node.line.map { "\(origin):\($0)" } ?? origin
    }

    var location: String { ConfigFields.locate(node, origin) }

    /// The keys present, in file order.
    var keys: [String] { pairs.map(\.key) }

    mutating func raw(_ key: String) -> ConfigNode? {
        asked.append(key)
        guard let index = pairs.firstIndex(where: { $0.key == key }) else { return nil }
        used[index] = true
        let node = pairs[index].value
        return node.isNull ? nil : node
    }

    func fail(_ key: String, _ node: ConfigNode, _ message: String) -> InputError {
        InputError("\(ConfigFields.locate(node, origin)): '\(key)' \(message)")
    }

    mutating func string(_ key: String) throws -> String? {
        guard let node = raw(key) else { return nil }
        guard let text = node.text else { throw fail(key, node, "must be a string") }
        return text
    }

    mutating func requiredString(_ key: String) throws -> String {
        guard let value = try string(key), !value.isEmpty else {
            throw InputError("\(location): missing required key '\(key)'")
        }
        return value
    }

    mutating func bool(_ key: String) throws -> Bool? {
        guard let node = raw(key) else { return nil }
        guard let value = node.bool else { throw fail(key, node, "must be true or false") }
        return value
    }

    mutating func double(_ key: String) throws -> Double? {
        guard let node = raw(key) else { return nil }
        guard let value = node.double else { throw fail(key, node, "must be a number") }
        return value
    }

    mutating func int(_ key: String) throws -> Int? {
        guard let node = raw(key) else { return nil }
        guard let value = node.int else { throw fail(key, node, "must be a whole number") }
        return value
    }

    /// A count of days: a whole number, not negative.
    mutating func days(_ key: String) throws -> Int? {
        guard let value = try int(key) else { return nil }
        guard value >= 0 else { throw fail(key, raw(key)!, "must be a number of days, 0 or more") }
        return value
    }

    /// A list of strings; a single string is read as a list of one.
    mutating func strings(_ key: String) throws -> [String]? {
        guard let node = raw(key) else { return nil }
        switch node.kind {
        case .scalar(let text, _): return [text]
        case .list(let items):
            return try items.map { item in
                guard let text = item.text else { throw fail(key, item, "must be a list of strings") }
                return text
            }
        case .map: throw fail(key, node, "must be a list of strings")
        }
    }

    mutating func list(_ key: String) throws -> [ConfigNode]? {
        guard let node = raw(key) else { return nil }
        guard case .list(let items) = node.kind else { throw fail(key, node, "must be a list") }
        return items
    }

    /// Throws on the first key that no getter asked for.
    func finish(_ what: String) throws {
        if let extra = used.firstIndex(of: false).map({ pairs[$0] }) {
            let known = Set(asked).sorted().joined(separator: ", ")
            throw InputError("\(ConfigFields.locate(extra.value, origin)): unknown key '\(extra.key)' in \(what) (known: \(known))")
        }
    }
}
