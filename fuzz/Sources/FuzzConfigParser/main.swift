import Foundation
import FuzzSupport
import TokenWarden

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    checkParser(data, size) { _ = try Config.parse($0, origin: "fuzz") }
    return 0
}

// SwiftPM gives every executable its own main; it hands over to libFuzzer here.
exit(runFuzzer(CommandLine.argc, CommandLine.unsafeArgv, fuzzOne))
