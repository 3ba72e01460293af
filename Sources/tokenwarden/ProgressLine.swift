import Foundation
import Synchronization
import TokenWarden

/// A self-updating progress line on standard error (items done / total, MB/s, ETA) for long scans
/// in a terminal. It only ever writes to stderr, so piped reports stay clean.
final class ProgressLine: @unchecked Sendable {
    private let progress: ScanProgress
    private let unit: String
    private let started = Date()
    private let stopped = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    init(_ progress: ScanProgress, unit: String) {
        self.progress = progress
        self.unit = unit
        Thread { [self] in
            while !stopped.load(ordering: .relaxed) {
                write(render())
                Thread.sleep(forTimeInterval: 0.25)
            }
            finished.signal()
        }.start()
    }

    /// Stops updating and erases the line.
    public func stop() {
        stopped.store(true, ordering: .relaxed)
        finished.wait()
        write("")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    /// `scanning: 1200/~5400 blobs, 310 blobs/s, 42.0 MB/s, ETA 0:13` — `~` while the total is an
    /// estimate (a history scan counts cheaply first, then knows exactly once listing ends).
    func render() -> String {
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        let done = progress.done
        let rates = String(format: "%.0f %@/s, %.1f MB/s", Double(done) / elapsed, unit, Double(progress.bytes) / 1_048_576 / elapsed)
        guard let total = progress.total, total > 0 else { return "scanning: \(done) \(unit), \(rates)" }
        let line = "scanning: \(done)/\(progress.totalIsEstimate ? "~" : "")\(total) \(unit), \(rates)"
        guard done > 0 && done < total else { return line }
        let eta = Int(elapsed / Double(done) * Double(total - done))
        return line + String(format: ", ETA %d:%02d", eta / 60, eta % 60)
    }
}
