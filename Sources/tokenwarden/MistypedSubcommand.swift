import ArgumentParser
import Foundation
import TokenWarden

/// A bare word is `scan WORD` (scan is the default subcommand), so `tokenwarden sacn` used to answer
/// "sacn: No such file or directory". When the first argument is a plain word that names no file,
/// the error says it is neither and suggests the subcommand it is closest to.
enum MistypedSubcommand {
    static func check(_ arguments: ScanArguments, commandLine: [String] = CommandLine.arguments) throws {
        guard !arguments.isGitMode, let word = arguments.paths.first, commandLine.dropFirst().first == word,
            isPlainWord(word), !exists(word)
        else { return }
        if let suggestion = suggestion(for: word) {
            throw InputError("no such file or subcommand '\(word)'; did you mean \(suggestion)?")
        }
        throw InputError("no such file or subcommand '\(word)' (subcommands: \(names.joined(separator: ", ")))")
    }

    /// The subcommands, as `tokenwarden --help` lists them.
    static var names: [String] {
        TokenWardenCommand.configuration.subcommands.map { $0.configuration.commandName ?? $0._commandName }
    }

    /// The closest subcommand within two edits (a swap of neighbours counts as one), if any.
    static func suggestion(for word: String) -> String? {
        let scored = names.map { ($0, distance(word.lowercased(), $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Letters, digits and `-`/`_` only: what a subcommand looks like, and no path does by accident.
    static func isPlainWord(_ word: String) -> Bool {
        !word.isEmpty && !word.hasPrefix("-")
            && word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 || errno != ENOENT
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }
}
