import ArgumentParser
import TokenWarden

/// `tokenwarden version`: the same text as `--version`, for people and scripts that expect a subcommand.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the version (the same as --version)."
    )

    func run() throws {
        try StandardStream.standardOutput.write(TokenWardenVersion.current + "\n")
    }
}
