import TokenWarden

/// The contract every file parser keeps under fuzzing: return a value or throw a one-line
/// `InputError` — never crash, hang or throw anything else.
public func checkParser(_ data: UnsafePointer<UInt8>?, _ size: Int, _ parse: (String) throws -> Void) {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        try parse(text)
    } catch let error as InputError {
        precondition(!error.description.contains("\n"), "multi-line error: \(error.description)")
    } catch {
        fatalError("unexpected error type: \(error)")
    }
}
