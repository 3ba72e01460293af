import Foundation

/// The key of published finding fingerprints (`TOKENWARDEN_FINGERPRINT_KEY` or
/// `--fingerprint-key-file`): with it, every fingerprint in reports and baselines is an
/// HMAC-SHA-256 of the secret, which nobody without the key can test guesses against. Not the
/// token store's key (`TOKENWARDEN_STORE_KEY`), which keys the store's own fingerprints.
public struct FingerprintKey: Sendable, Equatable {
    public static let variable = "TOKENWARDEN_FINGERPRINT_KEY"
    /// A shorter key could itself be guessed, and with it every fingerprint.
    public static let minimumLength = 16

    let bytes: [UInt8]
    /// Names the key without revealing it (an HMAC of a fixed text): baselines record it, so a
    /// scan with another key can say why their entries do not match.
    public let id: String

    public init(_ bytes: [UInt8], origin: String) throws {
        guard bytes.count >= FingerprintKey.minimumLength else {
            throw InputError(
                "\(origin): the fingerprint key must be at least \(FingerprintKey.minimumLength) bytes (it has \(bytes.count))")
        }
        self.bytes = bytes
        id = String(Fingerprint.hmacSHA256Hex(Array("tokenwarden fingerprint key id".utf8), key: bytes).prefix(16))
    }

    /// The key from `file` when given (a trailing newline is not part of it), else from the
    /// environment; nil when neither is set (an empty variable counts as unset, as CI systems
    /// leave secrets empty on pull requests from forks).
    public static func resolve(file: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> FingerprintKey?
    {
        if let file {
            guard var data = FileManager.default.contents(atPath: file).map(Array.init) else {
                throw InputError("\(file): cannot read the fingerprint key file")
            }
            while let last = data.last, last == 0x0A || last == 0x0D { data.removeLast() }
            return try FingerprintKey(data, origin: file)
        }
        guard let text = environment[variable], !text.isEmpty else { return nil }
        return try FingerprintKey(Array(text.utf8), origin: variable)
    }
}
