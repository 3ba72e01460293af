import FuzzSupport
import TokenWarden

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    checkParser(data, size) { _ = try Baseline.parse($0, origin: "fuzz") }
    return 0
}
