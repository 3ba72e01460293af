import Yams

/// A user-facing error in an input file (rules, config, store, baseline): one line, exit 2.
public struct InputError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Parses YAML text into a node tree, turning parser errors into one-line `InputError`s.
func composeYAML(_ text: String, origin: String) throws -> Node? {
    do {
        return try Yams.compose(yaml: text)
    } catch let error as YamlError {
        throw InputError("\(origin): malformed YAML: \(oneLine(String(describing: error)))")
    } catch {
        throw InputError("\(origin): malformed YAML: \(oneLine(String(describing: error)))")
    }
}

private func oneLine(_ s: String) -> String {
    s.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }.joined(separator: " ")
}

/// Strict reading of one YAML mapping: typed getters with `origin:line` in every error,
/// and `finish()` rejects keys nobody asked for, so typos never pass silently.
struct YAMLFields {
    let node: Node
    let origin: String
    private var pairs: [(key: String, value: Node)] = []
    private var used: Set<String> = []

    init(_ node: Node, origin: String, what: String) throws {
        self.node = node
        self.origin = origin
        guard let mapping = node.mapping else {
            throw InputError("\(YAMLFields.locate(node, origin)): \(what) must be a mapping")
        }
        for (key, value) in mapping {
            guard let name = key.string else {
                throw InputError("\(YAMLFields.locate(key, origin)): keys must be strings")
            }
            if pairs.contains(where: { $0.key == name }) {
                throw InputError("\(YAMLFields.locate(key, origin)): duplicate key '\(name)'")
            }
            pairs.append((name, value))
        }
    }

    static func locate(_ node: Node, _ origin: String) -> String {
        if let line = node.mark?.line { return "\(origin):\(line)" }
        return origin
    }

    var location: String { YAMLFields.locate(node, origin) }

    mutating func raw(_ key: String) -> Node? {
        used.insert(key)
        guard let node = pairs.first(where: { $0.key == key })?.value else { return nil }
        return node.null == nil ? node : nil
    }

    func fail(_ key: String, _ node: Node, _ message: String) -> InputError {
        InputError("\(YAMLFields.locate(node, origin)): '\(key)' \(message)")
    }

    mutating func string(_ key: String) throws -> String? {
        guard let node = raw(key) else { return nil }
        guard case .scalar(let s) = node else { throw fail(key, node, "must be a string") }
        return s.string
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
        guard let value = node.float ?? node.int.map(Double.init) else { throw fail(key, node, "must be a number") }
        return value
    }

    mutating func int(_ key: String) throws -> Int? {
        guard let node = raw(key) else { return nil }
        guard let value = node.int else { throw fail(key, node, "must be a whole number") }
        return value
    }

    mutating func strings(_ key: String) throws -> [String]? {
        guard let node = raw(key) else { return nil }
        if case .scalar(let s) = node { return [s.string] }
        guard let seq = node.sequence else { throw fail(key, node, "must be a list of strings") }
        return try seq.map { item in
            guard case .scalar(let s) = item else { throw fail(key, item, "must be a list of strings") }
            return s.string
        }
    }

    mutating func sequence(_ key: String) throws -> [Node]? {
        guard let node = raw(key) else { return nil }
        guard let seq = node.sequence else { throw fail(key, node, "must be a list") }
        return Array(seq)
    }

    /// Throws on the first key that no getter asked for.
    func finish(_ what: String) throws {
        if let extra = pairs.first(where: { !used.contains($0.key) }) {
            let known = used.sorted().joined(separator: ", ")
            throw InputError("\(YAMLFields.locate(extra.value, origin)): unknown key '\(extra.key)' in \(what) (known: \(known))")
        }
    }
}
