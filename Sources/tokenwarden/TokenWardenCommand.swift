import ArgumentParser
import TokenWarden

/// The `tokenwarden` root command.
struct TokenWardenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenwarden",
        abstract: "Find leaked and over-scoped tokens in git work trees, diffs and history.",
        version: TokenWardenVersion.current,
        subcommands: [
            ScanCommand.self, BaselineCommand.self, MergeCommand.self, RulesCommand.self, StoreCommand.self, InstallHookCommand.self,
            PreCommitCommand.self, ImportCommand.self, RevokeCommand.self, VersionCommand.self,
        ],
        defaultSubcommand: ScanCommand.self
    )
}
