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

    func render() -> String {
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        let done = progress.done
        let mbps = Double(progress.bytes) / 1_048_576 / elapsed
        var line = "scanning: \(done)"
        if let total = progress.total, total > 0 {
            line += "/\(total) \(unit)"
            if done > 0 && done < total {
                let eta = Int(elapsed / Double(done) * Double(total - done))
                line += String(format: ", %.1f MB/s, ETA %d:%02d", mbps, eta / 60, eta % 60)
                return line
            }
        } else {
            line += " \(unit)"
        }
        return line + String(format: ", %.1f MB/s", mbps)
    }
}
