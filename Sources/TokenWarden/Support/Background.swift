import Foundation

/// A value computed on its own thread while the caller does something else (start-up overlaps
/// building the rule set with the git calls that find what to scan). `value()` waits for it.
public final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Result<Value, Error>?
    private var waited = false

    public init(_ work: @escaping @Sendable () throws -> Value) {
        Thread { [self] in
            result = Result { try work() }
            done.signal()
        }.start()
    }

    /// The value, or the error the work threw; the first call waits until it is there.
    public func value() throws -> Value {
        lock.lock()
        defer { lock.unlock() }
        if !waited {
            done.wait()
            waited = true
        }
        return try result!.get()
    }
}
