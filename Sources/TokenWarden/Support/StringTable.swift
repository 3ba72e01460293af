/// Interned strings: each distinct string is stored once and named by a 32-bit index, so a history
/// of millions of entries that repeat a few thousand paths or authors holds each text once.
struct StringTable: Sendable {
    private var strings: [String] = []
    private var indices: [String: UInt32] = [:]

    /// The index of `string`, adding it when new.
    mutating func intern(_ string: String) -> UInt32 {
        if let index = indices[string] { return index }
        let index = UInt32(strings.count)
        strings.append(string)
        indices[string] = index
        return index
    }

    subscript(index: UInt32) -> String { strings[Int(index)] }

    var count: Int { strings.count }
}
