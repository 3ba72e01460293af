import ArgumentParser
import Foundation
import TokenWarden

// Exit codes: 0 nothing blocking, 1 blocking findings, 2 any error (usage included),
// so CI can tell "found a secret" from "could not look".
// A git child that exits early must not kill us through a write to its closed pipe.
signal(SIGPIPE, SIG_IGN)

do {
    var command = try TokenWardenCommand.parseAsRoot()
    try command.run()
    StandardStream.finish(0)
} catch let error as ExitCode {
    StandardStream.finish(error.rawValue)
} catch let error as InputError {
    StandardStream.writeError("tokenwarden: error: \(error.description)\n")
    StandardStream.finish(2)
} catch {
    let code = TokenWardenCommand.exitCode(for: error)
    if code == .success {
        // --help and --version, printed as ArgumentParser prints them, through the one standard output.
        let text = TokenWardenCommand.fullMessage(for: error)
        if !text.isEmpty { try? StandardStream.standardOutput.write(text + "\n") }
        StandardStream.finish(0)
    }
    let message = TokenWardenCommand.message(for: error)
    StandardStream.writeError("tokenwarden: error: \(message)\n")
    if code == .validationFailure {
        StandardStream.writeError("(see 'tokenwarden --help')\n")
    }
    StandardStream.finish(2)
}
