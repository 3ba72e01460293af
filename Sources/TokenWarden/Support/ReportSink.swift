/// Where a reporter writes its bytes, piece by piece as it formats them (as ripgrep's printer
/// writes into a sink), so a report never has to exist as one string: a `DescriptorSink` over
/// standard output or a report file, a `MemorySink` for tests and small documents.
public protocol ReportSink: AnyObject {
    /// Appends `bytes`; throws when they cannot be written (a full disk).
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

extension ReportSink {
    /// Appends `bytes`.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }
}
