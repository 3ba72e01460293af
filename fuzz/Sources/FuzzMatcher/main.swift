import Foundation
import FuzzSupport
import TokenWarden

// The matcher over arbitrary bytes with every built-in rule: keyword automaton, windows,
// PCRE2, decoys, checksums, line index. Any crash or sanitizer report is a bug.
let matcher = Matcher(ruleSet: RuleSet(try! RuleLoader.builtIn()))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    // An odd first byte scans under a path that path-only rules (B2SHARE `token` files) look at.
    let path = bytes.first.map { $0 & 1 == 1 } == true ? "deploy/token" : "src/config.py"
    _ = matcher.scan(Blob(bytes: bytes, provenance: Provenance(path: path)))
    return 0
}

// SwiftPM gives every executable its own main; it hands over to libFuzzer here.
exit(runFuzzer(CommandLine.argc, CommandLine.unsafeArgv, fuzzOne))
