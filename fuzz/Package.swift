// swift-tools-version:5.10
// libFuzzer targets for tokenwarden (see README.md). A separate package so the main build
// never needs the fuzzer runtime; it depends on the main package by path.
import PackageDescription

let engine: Target.Dependency = .product(name: "TokenWarden", package: "tokenwarden")

let package = Package(
    name: "tokenwarden-fuzz",
    dependencies: [.package(name: "tokenwarden", path: "..")],
    targets: [
        .target(name: "CFuzzer"),
        .target(name: "FuzzSupport", dependencies: [engine, "CFuzzer"]),
    ]
        + ["FuzzMatcher", "FuzzRuleParser", "FuzzConfigParser", "FuzzStoreParser", "FuzzBaselineParser"].map {
            // Only the fuzz executables link libFuzzer; everything gets ASan and libFuzzer's coverage
            // instrumentation from the build command (see README.md).
            .executableTarget(
                name: $0, dependencies: [engine, "FuzzSupport"],
                linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
            )
        }
)
