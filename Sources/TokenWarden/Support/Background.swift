import Foundation

/// A value computed on its own thread while the caller does something else (start-up overlaps
/// building the rule set with the git calls that find what to scan). `value()` waits for it.
public final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, Error>?

    public init(_ work: @escaping @Sendable () throws -> Value) {
        Thread { [self] in
            result = Result { try work() }
            done.signal()
        }.start()
    }

    /// The value, or the error the work threw; waits until it is there. Call it once.
    public func value() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
