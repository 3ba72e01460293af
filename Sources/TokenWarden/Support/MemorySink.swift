/// A sink that keeps everything written to it: for tests, and for callers that want a report as one
/// string (`MemorySink.text { try JSONReport.write(result, to: $0) }`).
public final class MemorySink: ReportSink {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes.append(contentsOf: bytes)
    }

    /// What was written, decoded as UTF-8.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// What `body` writes into a new sink, as a string.
    public static func text(_ body: (MemorySink) throws -> Void) rethrows -> String {
        let sink = MemorySink()
        try body(sink)
        return sink.text
    }
}
