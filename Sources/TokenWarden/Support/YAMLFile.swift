import Foundation

/// Reads a YAML file tokenwarden was told to use (config, rules, store, baseline), refusing one
/// larger than its limit without reading more than the limit: `/dev/zero` or a 10 GB file named
/// as a config ends in an error, not in memory exhaustion.
enum YAMLFile {
    /// The file's text; `what` names it in errors ("the config file").
    static func read(_ path: String, what: String, limits: YAMLLimits) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw InputError("\(path): cannot read \(what)") }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: limits.maxBytes + 1) ?? Data() } catch {
            throw InputError("\(path): cannot read \(what)")
        }
        guard data.count <= limits.maxBytes else { throw limits.tooLarge(path) }
        guard let text = String(validating: data, as: UTF8.self) else { throw InputError("\(path): \(what) is not valid UTF-8") }
        return text
    }
}
