import Foundation
import PackagePlugin

/// Embeds the package's `Rules/*.yaml` into the TokenWarden module at build time,
/// so a copied `tokenwarden` binary works without the rule files beside it.
@main
struct EmbedRulesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDir = context.package.directory.appending("Rules")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: rulesDir.string)) ?? []
        let inputs = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { rulesDir.appending($0) }
        let output = context.pluginWorkDirectory.appending("EmbeddedRules.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) rule files",
                executable: try context.tool(named: "embed-rules").path,
                arguments: [output.string] + inputs.map(\.string),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
