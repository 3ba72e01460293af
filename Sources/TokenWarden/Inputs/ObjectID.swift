/// A SHA-1 git object id as its 20 bytes, half the size of its hex text and with no heap
/// allocation of its own: the history index keeps one per unique blob.
struct ObjectID: Hashable, Sendable {
    static let hexCount = 40
    // Five 32-bit words: 20 bytes with 4-byte alignment, so an array of ids has no padding.
    private var words: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0)

    /// Parses 40 hex digits (either case); nil for anything else (a SHA-256 repository's ids are
    /// longer: the index keeps those by their text).
    init?<Hex: Collection<UInt8>>(hex: Hex) {
        guard hex.count == ObjectID.hexCount else { return nil }
        for (i, digit) in hex.enumerated() {
            guard let value = ObjectID.nibble(digit) else { return nil }
            let bits = UInt32(value) << (28 - 4 * UInt32(i % 8))
            switch i / 8 {
            case 0: words.0 |= bits
            case 1: words.1 |= bits
            case 2: words.2 |= bits
            case 3: words.3 |= bits
            default: words.4 |= bits
            }
        }
    }

    init?(_ hex: String) { self.init(hex: hex.utf8) }

    private var all: [UInt32] { [words.0, words.1, words.2, words.3, words.4] }

    var hex: String {
        var text = ""
        text.reserveCapacity(ObjectID.hexCount)
        for word in all {
            for i in 0..<8 { text.append(ObjectID.digits[Int((word >> (28 - 4 * UInt32(i))) & 0xF)]) }
        }
        return text
    }

    static func == (a: ObjectID, b: ObjectID) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
            && a.words.4 == b.words.4
    }

    /// Through the standard library's per-process seeded hasher, so a repository cannot craft
    /// ids that pile up in one place of a table.
    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
        hasher.combine(words.4)
    }

    private static let digits = Array("0123456789abcdef")

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
