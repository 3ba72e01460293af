import ArgumentParser
import Foundation
import TokenWarden

// Exit codes: 0 nothing blocking, 1 blocking findings, 2 any error (usage included),
// so CI can tell "found a secret" from "could not look".
// A git child that exits early must not kill us through a write to its closed pipe.
signal(SIGPIPE, SIG_IGN)

/// Every way out: a scan being interrupted ends by its signal instead (see `CloneCleanup`).
func finish(_ code: Int32) -> Never {
    CloneCleanup.waitIfInterrupted()
    StandardStream.finish(code)
}

do {
    var command = try TokenWardenCommand.parseAsRoot()
    try command.run()
    finish(0)
} catch let error as ExitCode {
    finish(error.rawValue)
} catch let error as InputError {
    StandardStream.writeError("tokenwarden: error: \(error.description)\n")
    finish(2)
} catch {
    let code = TokenWardenCommand.exitCode(for: error)
    if code == .success {
        // --help and --version, printed as ArgumentParser prints them, through the one standard output.
        let text = TokenWardenCommand.fullMessage(for: error)
        if !text.isEmpty { try? StandardStream.standardOutput.write(text + "\n") }
        finish(0)
    }
    let message = TokenWardenCommand.message(for: error)
    StandardStream.writeError("tokenwarden: error: \(message)\n")
    if code == .validationFailure {
        StandardStream.writeError("(see 'tokenwarden --help')\n")
    }
    finish(2)
}
