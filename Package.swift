// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "terbuka",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "terbuka", targets: ["terbuka"]),
        .library(name: "TerbukaCore", targets: ["TerbukaCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // Debian: libcmark-gfm-dev + libcmark-gfm-extensions-dev; pkg-config name libcmark-gfm.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Debian: zlib1g-dev. Inflates the parts of Excel workbooks.
        .systemLibrary(name: "TerbukaZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "TerbukaDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        // glibc's malloc.h (malloc_trim), part of libc6-dev, and the compiler's cache hint
        // (Sources/TerbukaMemory/shim.h).
        .systemLibrary(name: "TerbukaMemory"),
        .target(
            name: "TerbukaCore",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                "TerbukaZlib",
                "TerbukaDeflate",
                "TerbukaMemory",
                "TerbukaTheme",
                "TerbukaGuide",
            ],
        ),
        // The default theme, in themes/default at the top, built into the binary: a site's own
        // themes/ folder overrides it file by file.
        .target(name: "TerbukaTheme", path: "themes", sources: ["BuiltInTheme.swift"], resources: [.copy("default")]),
        // The staff guide and the format reference from docs/, which `terbuka init` writes into a new site.
        .target(
            name: "TerbukaGuide", path: "docs", sources: ["Guide.swift"],
            resources: [.copy("panduan.md"), .copy("format.md")]),
        // The preview server of `terbuka serve`, apart so that the pipeline does not depend on HTTP.
        .target(
            name: "TerbukaServe",
            dependencies: ["TerbukaCore"]
        ),
        .executableTarget(
            name: "terbuka",
            dependencies: [
                "TerbukaCore",
                "TerbukaServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TerbukaCoreTests",
            dependencies: ["TerbukaCore", "TerbukaServe", "TerbukaZlib"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
