/// Aho-Corasick over ASCII-case-folded bytes: one pass over a blob finds which keywords occur.
/// Bytes that occur in no keyword share one input class, so the dense transition table
/// stays small (states × classes) and the scan loop is a single table lookup per byte.
public struct KeywordAutomaton: Sendable {
    /// Lower-cased keywords, by index.
    public let keywords: [[UInt8]]
    private let classOf: [UInt8]  // byte -> input class
    private let classCount: Int
    private let next: [Int32]  // state * classCount + class -> state
    private let outputs: [[Int32]]  // state -> keyword indices ending here (incl. via failure links)
    private let accepting: [Bool]
    /// The longest keyword: how far a lane must run past its segment.
    private let maxLength: Int

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

        // Trie, in one flat table (state * classes + class -> state, -1: none yet): start-up builds
        // it for every scan, and one array grown in place costs far less than an array per state.
        var goto = [Int32](repeating: -1, count: classes)
        var out: [[Int32]] = [[]]
        for (index, kw) in folded.enumerated() {
            var state = 0
            for b in kw {
                let slot = state &* classes &+ Int(classOf[Int(b)])
                if goto[slot] < 0 {
                    goto[slot] = Int32(out.count)
                    goto.append(contentsOf: repeatElement(-1, count: classes))
                    out.append([])
                }
                state = Int(goto[slot])
            }
            out[state].append(Int32(index))
        }
        // Breadth-first failure links, folded into a complete DFA: a state's missing transitions
        // are its failure state's, which is shallower and so already complete.
        var fail = [Int32](repeating: 0, count: out.count)
        var queue: [Int] = []
        queue.reserveCapacity(out.count)
        goto.withUnsafeMutableBufferPointer { table in
            for c in 0..<classes {
                if table[c] < 0 { table[c] = 0 } else { queue.append(Int(table[c])) }
            }
            var head = 0
            while head < queue.count {
                let s = queue[head], f = Int(fail[s])
                head += 1
                if !out[f].isEmpty { out[s] += out[f] }
                for c in 0..<classes {
                    let t = table[s &* classes &+ c], viaFailure = table[f &* classes &+ c]
                    if t < 0 {
                        table[s &* classes &+ c] = viaFailure
                    } else {
                        fail[Int(t)] = viaFailure
                        queue.append(Int(t))
                    }
                }
            }
        }
        self.next = goto
        self.outputs = out
        self.accepting = out.map { !$0.isEmpty }
        self.maxLength = folded.map(\.count).max() ?? 0
    }

    @inline(__always) static func fold(_ b: UInt8) -> UInt8 {
        (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) ? b + 32 : b
    }

    /// Calls `found(keyword, end)` for each keyword occurrence in `bytes` (`end` is the offset just
    /// past it); an occurrence near a lane boundary may be reported twice.
    ///
    /// Large inputs are cut into four segments walked in one loop: each step is four independent
    /// table lookups instead of one dependent chain, which the CPU overlaps. Each lane runs on past
    /// its segment by the longest keyword, so an occurrence that starts in a segment is always seen.
    public func scan(_ bytes: UnsafeRawBufferPointer, _ found: (Int, Int) -> Void) {
        let n = classCount
        next.withUnsafeBufferPointer { next in
            classOf.withUnsafeBufferPointer { classOf in
                accepting.withUnsafeBufferPointer { accepting in
                    @inline(__always) func step(_ state: Int, _ byte: UInt8) -> Int {
                        Int(next[state &* n &+ Int(classOf[Int(byte)])])
                    }
                    @inline(__always) func report(_ state: Int, _ end: Int) {
                        for k in outputs[state] { found(Int(k), end) }
                    }
                    /// One lane from `from` to `to`, starting in `state`.
                    func walk(_ from: Int, _ to: Int, _ start: Int) {
                        var state = start
                        var i = from
                        while i < to {
                            state = step(state, bytes[i])
                            if accepting[state] { report(state, i &+ 1) }
                            i &+= 1
                        }
                    }
                    let count = bytes.count
                    guard count >= 4096 else { return walk(0, count, 0) }
                    let segment = count / 4
                    let ends = [segment &+ maxLength, 2 &* segment &+ maxLength, 3 &* segment &+ maxLength, count].map { min($0, count) }
                    var s0 = 0, s1 = 0, s2 = 0, s3 = 0
                    let b1 = segment, b2 = 2 &* segment, b3 = 3 &* segment
                    var i = 0
                    while i < segment {
                        s0 = step(s0, bytes[i])
                        s1 = step(s1, bytes[b1 &+ i])
                        s2 = step(s2, bytes[b2 &+ i])
                        s3 = step(s3, bytes[b3 &+ i])
                        if accepting[s0] || accepting[s1] || accepting[s2] || accepting[s3] {
                            if accepting[s0] { report(s0, i &+ 1) }
                            if accepting[s1] { report(s1, b1 &+ i &+ 1) }
                            if accepting[s2] { report(s2, b2 &+ i &+ 1) }
                            if accepting[s3] { report(s3, b3 &+ i &+ 1) }
                        }
                        i &+= 1
                    }
                    walk(segment, ends[0], s0)
                    walk(b1 &+ segment, ends[1], s1)
                    walk(b2 &+ segment, ends[2], s2)
                    walk(b3 &+ segment, ends[3], s3)
                }
            }
        }
    }
}
