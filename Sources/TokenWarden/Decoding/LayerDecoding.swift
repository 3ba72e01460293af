/// How far decoding goes: layers deep, and bytes per file.
public struct DecodeLimits: Sendable {
    /// Layers of encoding undone, outermost first. 3 (betterleaks: 5): a Kubernetes
    /// `.dockerconfigjson` secret is base64 > JSON > base64 (two layers), and a third covers an escaped
    /// string around them; deeper nesting is rare in real files, and each layer is scanned again.
    public static let defaultDepth = 3
    /// Encoded bytes decoded per file, all layers together: at most 1 MiB, and at most 4× the file.
    public static let defaultMaxBytes = 1 << 20
    public static let fileMultiple = 4

    public var depth = DecodeLimits.defaultDepth
    public var maxBytes = DecodeLimits.defaultMaxBytes

    public init(depth: Int = DecodeLimits.defaultDepth, maxBytes: Int = DecodeLimits.defaultMaxBytes) {
        self.depth = depth
        self.maxBytes = maxBytes
    }

    /// The budget for a file of `size` bytes.
    func budget(forFileOf size: Int) -> DecodeBudget { DecodeBudget(remaining: min(maxBytes, DecodeLimits.fileMultiple * size)) }
}

/// Encoded bytes one file may still have decoded, all layers together. `exhausted` is set once an
/// encoded run was left undecoded for want of it, so the scan reports that instead of missing silently.
struct DecodeBudget {
    var remaining: Int
    private(set) var exhausted = false

    /// Takes `count` bytes, or marks the budget exhausted (and spent) when they are not there.
    mutating func spend(_ count: Int) -> Bool {
        guard count <= remaining else {
            remaining = 0
            exhausted = true
            return false
        }
        remaining -= count
        return true
    }
}

/// A blob made of the decoded runs of one encoding in its parent: each run on a line of its own,
/// between the text around it on its line (so rules anchored on a key name — `"auth": "…"`,
/// `DB_PASSWORD: …` — still see the key). Matches count only where they start in decoded bytes.
struct DecodedLayer {
    struct Segment {
        /// The decoded bytes, in `bytes`.
        var decoded: Range<Int>
        /// The encoded run in the scanned file (for nested layers: the outermost run).
        var origin: Range<Int>
    }

    var bytes: [UInt8]
    var provenance: Provenance
    var segments: [Segment]

    /// The segment whose decoded bytes hold `offset`.
    func segment(at offset: Int) -> Segment? {
        var lo = 0, hi = segments.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if segments[mid].decoded.upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo < segments.count, segments[lo].decoded.contains(offset) else { return nil }
        return segments[lo]
    }
}

/// Finds candidate runs in a blob and decodes them into layers, within a byte budget.
struct LayerDecoding: Sendable {
    static let decoders: [any LayerDecoder] = [Base64Decoder(), HexDecoder(), PercentDecoder(), EscapeDecoder()]
    /// Bytes of the text around a run copied beside its decoded bytes, each side.
    static let contextBytes = 64
    /// Encoded characters decoded first, to drop binary output before decoding a long run.
    static let probeLength = 64

    /// The layers of `bytes`, one per encoding that decoded to text. `within` limits the runs to
    /// the given ranges (the decoded parts of a layer), each with the origin its runs map to; nil
    /// means the whole of `bytes`, mapping to itself.
    static func layers(
        of bytes: UnsafeRawBufferPointer, provenance: Provenance, within: [DecodedLayer.Segment]? = nil, budget: inout DecodeBudget
    ) -> [DecodedLayer] {
        let regions = within ?? [DecodedLayer.Segment(decoded: 0..<bytes.count, origin: 0..<bytes.count)]
        var layers: [DecodedLayer] = []
        for decoder in decoders {
            // The provenance is made once the layer has a segment: most files have none.
            var layer = DecodedLayer(bytes: [], provenance: provenance, segments: [])
            for region in regions {
                let slice = UnsafeRawBufferPointer(rebasing: bytes[region.decoded])
                for local in decoder.candidates(in: slice) {
                    let run = (local.lowerBound + region.decoded.lowerBound)..<(local.upperBound + region.decoded.lowerBound)
                    let encoded = UnsafeRawBufferPointer(rebasing: bytes[run])
                    let probe = min(encoded.count, probeLength)
                    guard budget.spend(probe) else { break }
                    guard let head = decoder.decode(UnsafeRawBufferPointer(rebasing: encoded[0..<probe]), limit: .max),
                        PrintableText.isMostlyPrintable(head)
                    else { continue }
                    var decoded = head
                    if probe < encoded.count {
                        guard budget.spend(encoded.count - probe), let all = decoder.decode(encoded, limit: .max),
                            PrintableText.isMostlyPrintable(all)
                        else {
                            continue
                        }
                        decoded = all
                    }
                    // Decoding that changes nothing (a percent run with no real escape) adds nothing.
                    guard !decoded.elementsEqual(encoded) else { continue }
                    let origin = within == nil ? run : region.origin
                    layer.append(decoded, for: run, in: bytes, origin: origin)
                }
            }
            if !layer.segments.isEmpty {
                layer.provenance = provenance.decoded(decoder.name)
                layers.append(layer)
            }
        }
        return layers
    }
}

extension DecodedLayer {
    /// Adds `decoded` as a line: the text before `run` on its line, the decoded bytes, the text after it.
    mutating func append(_ decoded: [UInt8], for run: Range<Int>, in parent: UnsafeRawBufferPointer, origin: Range<Int>) {
        var before = run.lowerBound
        while before > 0 && run.lowerBound - before < LayerDecoding.contextBytes && parent[before - 1] != 0x0A { before -= 1 }
        var after = run.upperBound
        while after < parent.count && after - run.upperBound < LayerDecoding.contextBytes && parent[after] != 0x0A { after += 1 }
        bytes += parent[before..<run.lowerBound]
        let start = bytes.count
        bytes += decoded
        segments.append(Segment(decoded: start..<bytes.count, origin: origin))
        bytes += parent[run.upperBound..<after]
        bytes.append(0x0A)
    }
}
