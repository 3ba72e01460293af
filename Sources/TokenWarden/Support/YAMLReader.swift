// CYaml is the libyaml that Yams builds; Yams does not export it as a product, but its module is
// visible to every target that depends on Yams. We need its events: `Yams.compose` resolves
// aliases while it composes, too late to refuse an alias bomb.
import CYaml

/// Limits on the YAML tokenwarden reads: every file can come from an untrusted repository.
public struct YAMLLimits: Sendable {
    /// Hand-written files (config, rules) stay far below this; a larger one is refused unread.
    public static let handWritten = YAMLLimits(maxBytes: 8 << 20)
    /// Generated files (store, baseline) grow with a team or a repository: a 100k-token store is ~30 MiB.
    public static let generated = YAMLLimits(maxBytes: 64 << 20)

    public var maxBytes: Int
    /// Config files nest four levels deep; 64 leaves room without letting a deep file exhaust the stack.
    public var maxDepth = 64

    /// The error for a file over `maxBytes`.
    func tooLarge(_ origin: String) -> InputError {
        InputError("\(origin): larger than \(maxBytes >> 20) MiB, the most tokenwarden reads from a YAML file")
    }
}

/// Builds a `ConfigNode` straight from libyaml's parse events. Anchors and aliases are refused
/// at the first event that carries one, before anything is expanded (a 475-byte "billion laughs"
/// file would otherwise grow to gigabytes); size and depth are bounded; and errors name
/// file:line:column and the kind of problem, never the text, which may hold a secret.
enum YAMLReader {
    /// Items of the list under the top-level key `streaming.key` go to `streaming.take` as each
    /// is read, and are left out of the tree: a 100k-token store never holds all its nodes at once.
    static func parse(
        _ text: String, origin: String, limits: YAMLLimits,
        streaming: (key: String, take: (ConfigNode) throws -> Void)? = nil
    ) throws -> ConfigNode? {
        guard text.utf8.count <= limits.maxBytes else { throw limits.tooLarge(origin) }
        var text = text.isEmpty ? "\n" : text  // libyaml wants a non-null buffer.
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw InputError("\(origin): out of memory reading YAML") }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        // The string's own UTF-8 storage: a big store is not copied once more.
        return try text.withUTF8 { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var builder = Builder(origin: origin, limits: limits, streaming: streaming)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { throw malformed(parser, origin: origin) }
                defer { yaml_event_delete(&event) }
                if try builder.take(event) { return builder.root }
            }
        }
    }

    /// `origin:line:column: malformed YAML: <kind> error: <problem>`: libyaml's problem texts are
    /// fixed descriptions ("did not find expected key"), so nothing of the input is repeated.
    private static func malformed(_ parser: yaml_parser_t, origin: String) -> InputError {
        let kind: String
        switch parser.error {
        case YAML_MEMORY_ERROR: return InputError("\(origin): out of memory reading YAML")
        case YAML_READER_ERROR: kind = "encoding"
        case YAML_SCANNER_ERROR: kind = "syntax"
        case YAML_PARSER_ERROR: kind = "structure"
        default: kind = "YAML"
        }
        let mark = parser.error == YAML_READER_ERROR ? nil : parser.problem_mark
        var message = "\(locate(origin, mark)): malformed YAML: \(kind) error"
        if let problem = parser.problem { message += ": \(String(cString: problem))" }
        if let context = parser.context { message += " (\(String(cString: context)))" }
        return InputError(message)
    }

    static func locate(_ origin: String, _ mark: yaml_mark_t?) -> String {
        guard let mark else { return origin }
        return "\(origin):\(mark.line + 1):\(mark.column + 1)"
    }

    /// Assembles nodes from events with an explicit stack of open collections, changed in place
    /// (`stack[top]`), so that appending to the innermost one never copies it.
    private struct Builder {
        struct Open {
            let line: Int
            let isMap: Bool
            var items: [ConfigNode] = []
            var pairs: [(key: String, value: ConfigNode)] = []
            /// In a map: the key read, waiting for its value.
            var key: String?

            init(line: Int, isMap: Bool) {
                self.line = line
                self.isMap = isMap
            }

            var node: ConfigNode { ConfigNode(isMap ? .map(pairs) : .list(items), line: line) }
        }

        let origin: String
        let limits: YAMLLimits
        let streaming: (key: String, take: (ConfigNode) throws -> Void)?
        var stack: [Open] = []
        var root: ConfigNode?
        var documents = 0

        init(origin: String, limits: YAMLLimits, streaming: (key: String, take: (ConfigNode) throws -> Void)?) {
            self.streaming = streaming
            self.origin = origin
            self.limits = limits
        }

        /// Takes one event; true at the end of the stream.
        mutating func take(_ event: yaml_event_t) throws -> Bool {
            let line = Int(event.start_mark.line) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return true
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw InputError("\(locate(origin, event.start_mark)): more than one YAML document (expected one)")
                }
            case YAML_ALIAS_EVENT:
                throw refuseAnchor(event)
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                if s.anchor != nil { throw refuseAnchor(event) }
                let text = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) } ?? ""
                try add(ConfigNode(.scalar(text, plain: s.style == YAML_PLAIN_SCALAR_STYLE), line: line), event)
            case YAML_SEQUENCE_START_EVENT:
                if event.data.sequence_start.anchor != nil { throw refuseAnchor(event) }
                try open(Open(line: line, isMap: false), event)
            case YAML_MAPPING_START_EVENT:
                if event.data.mapping_start.anchor != nil { throw refuseAnchor(event) }
                try open(Open(line: line, isMap: true), event)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try add(stack.removeLast().node, event)
            default:
                break  // stream start, document end: nothing to build.
            }
            return false
        }

        private mutating func open(_ collection: Open, _ event: yaml_event_t) throws {
            guard stack.count < limits.maxDepth else {
                throw InputError("\(locate(origin, event.start_mark)): YAML nested deeper than \(limits.maxDepth) levels")
            }
            if let top = stack.last, top.isMap, top.key == nil { throw keysMustBeStrings(event) }
            stack.append(collection)
        }

        private mutating func add(_ node: ConfigNode, _ event: yaml_event_t) throws {
            let top = stack.count - 1
            guard top >= 0 else {
                root = node
                return
            }
            if !stack[top].isMap {
                if top == 1, let streaming, stack[0].isMap, stack[0].key == streaming.key {
                    try streaming.take(node)
                } else {
                    stack[top].items.append(node)
                }
            } else if let key = stack[top].key {
                stack[top].pairs.append((key, node))
                stack[top].key = nil
            } else {
                guard let text = node.text else { throw keysMustBeStrings(event) }
                stack[top].key = text
            }
        }

        private func keysMustBeStrings(_ event: yaml_event_t) -> InputError {
            InputError("\(origin):\(event.start_mark.line + 1): keys must be strings")
        }

        private func refuseAnchor(_ event: yaml_event_t) -> InputError {
            InputError(
                "\(locate(origin, event.start_mark)): YAML anchors and aliases (&, *) are not allowed: they can expand a small file into gigabytes"
            )
        }
    }
}
