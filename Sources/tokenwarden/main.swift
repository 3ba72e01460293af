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
} catch let error as ExitCode {
    exit(error.rawValue)
} catch let error as InputError {
    StandardStream.standardError.writeIgnoringErrors("tokenwarden: error: \(error.description)\n")
    exit(2)
} catch {
    let code = TokenWardenCommand.exitCode(for: error)
    if code == .success {
        TokenWardenCommand.exit(withError: error)
    }
    let message = TokenWardenCommand.message(for: error)
    StandardStream.standardError.writeIgnoringErrors("tokenwarden: error: \(message)\n")
    if code == .validationFailure {
        StandardStream.standardError.writeIgnoringErrors("(see 'tokenwarden --help')\n")
    }
    exit(2)
}
