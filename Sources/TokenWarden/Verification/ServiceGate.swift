import Foundation

/// Per-service pacing: requests to one service are spaced by `spacing`, and a 429's `Retry-After`
/// holds every request to that service until it has passed.
final class ServiceGate: @unchecked Sendable {
    private let lock = NSLock()
    private var notBefore: [String: ContinuousClock.Instant] = [:]
    private let spacing: Duration

    init(spacing: Duration) { self.spacing = spacing }

    /// Waits for the service's turn and takes it.
    func enter(_ service: String) {
        let clock = ContinuousClock()
        lock.lock()
        let now = clock.now
        let turn = max(now, notBefore[service] ?? now)
        notBefore[service] = turn + spacing
        lock.unlock()
        if turn > now { Thread.sleep(forTimeInterval: Self.seconds(turn - now)) }
    }

    /// Holds the service for `wait` (a 429's `Retry-After`).
    func hold(_ service: String, for wait: Duration) {
        let until = ContinuousClock().now + wait
        lock.lock()
        notBefore[service] = max(notBefore[service] ?? until, until)
        lock.unlock()
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// `Retry-After` as seconds or an HTTP date; nil when absent or unreadable.
    static func retryAfter(_ value: String?, now: Date = Date()) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return seconds >= 0 ? .seconds(seconds) : nil }
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "GMT")
        format.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = format.date(from: value) else { return nil }
        return .milliseconds(max(0, Int(date.timeIntervalSince(now) * 1000)))
    }
}
