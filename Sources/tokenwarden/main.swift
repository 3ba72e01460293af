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
    FileHandle.standardError.write(Data("tokenwarden: error: \(error.description)\n".utf8))
    exit(2)
} catch {
    let code = TokenWardenCommand.exitCode(for: error)
    if code == .success {
        TokenWardenCommand.exit(withError: error)
    }
    let message = TokenWardenCommand.message(for: error)
    FileHandle.standardError.write(Data("tokenwarden: error: \(message)\n".utf8))
    if code == .validationFailure {
        FileHandle.standardError.write(Data("(see 'tokenwarden --help')\n".utf8))
    }
    exit(2)
}
