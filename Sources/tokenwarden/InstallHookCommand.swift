import ArgumentParser
import Foundation
import TokenWarden

/// `tokenwarden install-hook`
struct InstallHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-hook",
        abstract: "Install a git pre-commit hook that runs `tokenwarden scan --staged`."
    )

    @Argument(help: "The repository (default: the current directory).")
    var repository = "."

    @Flag(help: "Keep an existing pre-commit hook and run it before tokenwarden.")
    var chain = false

    @Flag(help: "Replace an existing pre-commit hook.")
    var force = false

    func validate() throws {
        if chain && force { throw ValidationError("choose one of --chain and --force") }
    }

    func run() throws {
        let outcome = try PreCommitHook.install(
            in: repository, binary: Self.executablePath, existing: chain ? .chain : force ? .replace : .refuse)
        var message = "tokenwarden: \(outcome.updated ? "updated" : "installed") \(outcome.path)"
        if let chained = outcome.chained { message += " (runs \(chained) first)" }
        Terminal.error(message)
    }

    /// This binary's absolute path, so the hook runs the same tokenwarden that installed it.
    static var executablePath: String {
        #if os(Linux)
        let running = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        #else
        let running = Bundle.main.executablePath
        #endif
        return running ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
