import TokenWarden

// The matcher over arbitrary bytes with every built-in rule: keyword automaton, windows,
// PCRE2, decoys, checksums, line index. Any crash or sanitizer report is a bug.
let matcher = Matcher(ruleSet: RuleSet(try! RuleLoader.builtIn()))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let path = size > 0 && data[0] & 1 == 1 ? "deploy/token" : "src/config.py"
    _ = matcher.scan(Blob(bytes: bytes, provenance: Provenance(path: path)))
    return 0
}
