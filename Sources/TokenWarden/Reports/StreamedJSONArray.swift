import Foundation

/// The one large array of a JSON report (findings, results, vulnerabilities), written element by
/// element: the envelope around it is encoded with this placeholder in the array's place, then the
/// part before the placeholder is written, then each element as it is encoded, then the rest. The
/// bytes are those `JSONEncoder` writes for the whole document (indentation, separators, key order),
/// but only the envelope and one element are ever in memory as text.
struct StreamedJSONArray: Encodable {
    /// Unique per report, so no string in the envelope (a path, an error) can be taken for it.
    private let marker = "tokenwarden-streamed-array-" + UUID().uuidString

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(marker)
    }

    /// Writes `envelope`, which holds this placeholder, with `elements` in its place, as the reports
    /// print JSON documents: pretty-printed, keys sorted, slashes unescaped, a line break at the end.
    func writeDocument<Elements: Sequence>(_ envelope: some Encodable, elements: Elements, to sink: ReportSink) throws
    where Elements.Element: Encodable {
        let encoder = JSONReport.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        let document = Array(try encoder.encode(envelope))
        guard let range = document.firstRange(of: Array("\"\(marker)\"".utf8)) else {
            preconditionFailure("the envelope does not hold the streamed array's placeholder")
        }
        try sink.write(Array(document[..<range.lowerBound]))
        // As JSONEncoder lays out an array: each element on lines of its own, two spaces deeper.
        let lineStart = document[..<range.lowerBound].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let indent = document[lineStart...].prefix { $0 == UInt8(ascii: " ") }.count
        let inner = Array(repeating: UInt8(ascii: " "), count: indent + 2)
        try sink.write("[\n")
        var first = true
        for element in elements {
            try sink.write(first ? inner : Array(",\n".utf8) + inner)
            try sink.write(indented(Array(try encoder.encode(element)), by: inner))
            first = false
        }
        try sink.write("\n" + String(repeating: " ", count: indent) + "]")
        try sink.write(Array(document[range.upperBound...]))
        try sink.write("\n")
    }

    /// `json` with `indent` after each line break. Strings in JSON hold no raw line breaks, so each
    /// one is a line of the encoder's layout. Lines are found with memchr and copied whole: this runs
    /// over every byte of a report.
    private func indented(_ json: [UInt8], by indent: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(json.count + json.count / 4)
        json.withUnsafeBytes { all in
            var rest = all
            while let base = rest.baseAddress, !rest.isEmpty,
                let newline = memchr(base, Int32(UInt8(ascii: "\n")), rest.count)
            {
                let lineLength = base.distance(to: UnsafeRawPointer(newline)) + 1
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[..<lineLength]))
                out.append(contentsOf: indent)
                rest = UnsafeRawBufferPointer(rebasing: rest[lineLength...])
            }
            out.append(contentsOf: rest)
        }
        return out
    }
}
