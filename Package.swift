// swift-tools-version:5.10
import PackageDescription

let package = Package(
    name: "tokenwarden",
    // macOS 15 for Synchronization's Atomic; Linux is the tested platform.
    platforms: [.macOS("15.0")],
    products: [
        .executable(name: "tokenwarden", targets: ["tokenwarden"]),
        .library(name: "TokenWarden", targets: ["TokenWarden"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        // Zip archives (jar, docx, apk, …), read from memory.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libpcre2-8 from the system (Debian: libpcre2-dev).
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // zlib from the system (Debian: zlib1g-dev), for gzip and .tar.gz (ZIPFoundation has its own CZlib module).
        .systemLibrary(
            name: "CSystemZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // libcurl, loaded with dlopen only when --verify sends a request (the binary does not link it).
        .target(name: "CCurl", path: "Sources/CCurl"),
        // Build-time tool: turns Rules/*.yaml into Swift source so the binary carries its rules.
        .executableTarget(
            name: "embed-rules",
            dependencies: [.product(name: "Yams", package: "Yams")],
            path: "Sources/embed-rules"
        ),
        .plugin(
            name: "EmbedRulesPlugin",
            capability: .buildTool(),
            dependencies: ["embed-rules"],
            path: "Sources/EmbedRulesPlugin"
        ),
        .target(
            name: "TokenWarden",
            dependencies: [
                "CPCRE2",
                "CSystemZlib",
                "CCurl",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedRulesPlugin"]
        ),
        .executableTarget(
            name: "tokenwarden",
            dependencies: [
                "TokenWarden",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers both test targets share: paths, rule shortcuts, goldens, running the built binary.
        .target(
            name: "TokenWardenTestSupport",
            dependencies: ["TokenWarden"],
            path: "Tests/TokenWardenTestSupport"
        ),
        // Unit tests of the library: matcher, rules, reports, store logic.
        .testTarget(
            name: "TokenWardenTests",
            dependencies: ["TokenWarden", "TokenWardenTestSupport"]
        ),
        // End-to-end tests: the built CLI on real files and git repositories.
        .testTarget(
            name: "TokenWardenEndToEndTests",
            // The CLI is a dependency so the tests run the binary they were built with.
            dependencies: ["TokenWarden", "tokenwarden", "TokenWardenTestSupport", .product(name: "Yams", package: "Yams")]
        ),
    ]
)
