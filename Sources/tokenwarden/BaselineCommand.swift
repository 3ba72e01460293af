import ArgumentParser
import Foundation
import TokenWarden

/// `tokenwarden baseline create`
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record today's findings so later scans report only new ones.",
        subcommands: [Create.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Scan (same options as `scan`) and write every finding's rule, path and fingerprint — never the secret.",
            discussion: "Use it with `tokenwarden scan --baseline FILE`, or `baseline: FILE` in .tokenwarden.yaml.")

        @OptionGroup var arguments: ScanArguments

        @Option(name: .shortAndLong, help: "Where to write the baseline.")
        var output = ".tokenwarden/baseline.yaml"

        func run() throws {
            if arguments.remoteURL != nil || arguments.repos != nil { CloneCleanup.install() }
            let request = try arguments.request(showSecrets: false, useBaseline: false)
            let outcome = try Pipeline.run(request)
            if !outcome.result.errors.isEmpty {
                throw InputError("the scan was incomplete (\(outcome.result.errors[0])); baseline not written")
            }
            let baseline = Baseline(findings: outcome.result.findings, fingerprintKey: request.fingerprintKey)
            let directory = (output as NSString).deletingLastPathComponent
            if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            try baseline.save(path: output)
            Terminal.error(
                "tokenwarden: wrote \(baseline.entries.count) baseline entr\(baseline.entries.count == 1 ? "y" : "ies") to \(output)")
        }
    }
}
