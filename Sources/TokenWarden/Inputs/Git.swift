import Foundation

/// Runs git and returns its standard output; a failure becomes a one-line `InputError`.
enum Git {
    static func run(_ arguments: [String], in directory: String? = nil) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + (directory.map { ["-C", $0] } ?? []) + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw InputError("cannot run git: \(error.localizedDescription)")
        }
        // Drain stderr concurrently so a chatty git cannot block on a full pipe.
        let errData = LockedBox(Data())
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData.value = err.fileHandleForReading.readDataToEndOfFile() }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errData.value, as: UTF8.self)
                .split(whereSeparator: \.isNewline).first.map(String.init) ?? "exit \(process.terminationStatus)"
            throw InputError("git \(arguments.first ?? ""): \(message)")
        }
        return [UInt8](data)
    }

    /// The top of the work tree containing `directory`, or nil when it is not in one.
    static func workTreeRoot(of directory: String) -> String? {
        guard let out = try? run(["rev-parse", "--show-toplevel"], in: directory) else { return nil }
        let path = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .newlines)
        return path.isEmpty ? nil : path
    }

    /// Splits NUL-terminated output (`-z`) into strings.
    static func splitNUL(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// A value shared with a background closure, guarded by a lock.
final class LockedBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var _value: T
    init(_ value: T) { _value = value }
    var value: T {
        get { lock.lock(); defer { lock.unlock() }; return _value }
        set { lock.lock(); _value = newValue; lock.unlock() }
    }

    func update<R>(_ body: (inout T) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&_value)
    }
}
