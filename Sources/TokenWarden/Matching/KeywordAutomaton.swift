/// Aho-Corasick over ASCII-case-folded bytes: one pass over a blob finds which keywords occur.
/// Bytes that occur in no keyword share one input class, so the dense transition table
/// stays small (states × classes) and the scan loop is a single table lookup per byte.
public struct KeywordAutomaton: Sendable {
    /// Lower-cased keywords, by index.
    public let keywords: [[UInt8]]
    private let classOf: [UInt8]          // byte -> input class
    private let classCount: Int
    private let next: [Int32]            // state * classCount + class -> state
    private let outputs: [[Int32]]       // state -> keyword indices ending here (incl. via failure links)
    private let accepting: [Bool]

    public init(keywords: [String]) {
        let folded = keywords.map { Array($0.utf8).map(KeywordAutomaton.fold) }
        self.keywords = folded

        var classOf = [UInt8](repeating: 0, count: 256)
        var classes = 1
        for kw in folded { for b in kw where classOf[Int(b)] == 0 { classOf[Int(b)] = UInt8(classes); classes += 1 } }
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") { classOf[Int(upper)] = classOf[Int(upper + 32)] }
        precondition(classes <= 255, "keyword alphabet too large")
        self.classOf = classOf
        self.classCount = classes

        // Trie.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: classes)]
        var out: [[Int32]] = [[]]
        for (index, kw) in folded.enumerated() {
            var state = 0
            for b in kw {
                let c = Int(classOf[Int(b)])
                if goto[state][c] < 0 {
                    goto[state][c] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: classes))
                    out.append([])
                }
                state = Int(goto[state][c])
            }
            out[state].append(Int32(index))
        }
        // Breadth-first failure links, folded into a complete DFA.
        var fail = [Int32](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for c in 0..<classes {
            if goto[0][c] < 0 { goto[0][c] = 0 } else { fail[Int(goto[0][c])] = 0; queue.append(Int(goto[0][c])) }
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]; head += 1
            out[s] += out[Int(fail[s])]
            for c in 0..<classes {
                let t = goto[s][c]
                if t < 0 {
                    goto[s][c] = goto[Int(fail[s])][c]
                } else {
                    fail[Int(t)] = goto[Int(fail[s])][c]
                    queue.append(Int(t))
                }
            }
        }
        self.next = goto.flatMap { $0 }
        self.outputs = out
        self.accepting = out.map { !$0.isEmpty }
    }

    @inline(__always) static func fold(_ b: UInt8) -> UInt8 {
        (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) ? b + 32 : b
    }

    /// Calls `found` with each keyword index that occurs in `bytes`, once per occurrence,
    /// with the offset just past the occurrence.
    @inline(__always)
    public func scan(_ bytes: UnsafeRawBufferPointer, _ found: (Int, Int) -> Void) {
        let n = classCount
        next.withUnsafeBufferPointer { next in
            classOf.withUnsafeBufferPointer { classOf in
                accepting.withUnsafeBufferPointer { accepting in
                    var state = 0
                    var i = 0
                    for b in bytes {
                        i &+= 1
                        state = Int(next[state &* n &+ Int(classOf[Int(b)])])
                        if accepting[state] {
                            for k in outputs[state] { found(Int(k), i) }
                        }
                    }
                }
            }
        }
    }
}
