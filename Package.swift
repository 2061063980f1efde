// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "hoidap",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hoidap", targets: ["hoidap"]),
        .library(name: "VietText", targets: ["VietText"]),
        .library(name: "Retrieval", targets: ["Retrieval"]),
        .library(name: "Knowledge", targets: ["Knowledge"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The only code that includes ICU headers; its public header uses stdint types only,
        // so Foundation's private ICU module never meets the system one (see DESIGN.md, "ICU").
        .target(
            name: "CVietICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        .target(name: "VietText", dependencies: ["CVietICU"]),
        .target(name: "OrderedJSON"),
        .target(name: "Retrieval", dependencies: ["VietText"]),
        // SQLite FTS5 as the comparison system for eval and bench; not used to answer.
        .target(name: "Baselines", dependencies: ["Retrieval", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "Knowledge",
            dependencies: ["VietText", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "Tickets", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Dialogue", dependencies: ["VietText", "Retrieval", "Knowledge", "OrderedJSON"]),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd",
                       providers: [.apt(["libmicrohttpd-dev"])]),
        .target(name: "HTTPServer", dependencies: ["CMicroHTTPD", "OrderedJSON"]),
        .target(name: "HoiDapService", dependencies: ["HTTPServer", "Tickets", "Knowledge", "OrderedJSON", "VietText"],
                resources: [.copy("Assets")]),
        .executableTarget(
            name: "hoidap",
            dependencies: [
                "VietText", "Knowledge", "Tickets", "OrderedJSON", "Retrieval", "Baselines", "Dialogue",
                "HTTPServer", "HoiDapService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "VietTextTests", dependencies: ["VietText", "TestSupport"]),
        .testTarget(name: "OrderedJSONTests", dependencies: ["OrderedJSON"]),
        .testTarget(name: "RetrievalTests", dependencies: ["Retrieval", "VietText", "TestSupport"]),
        .testTarget(name: "TicketsTests", dependencies: ["Tickets", "TestSupport"]),
        .testTarget(name: "DialogueTests", dependencies: ["Dialogue", "Knowledge", "Retrieval"]),
        // What several test targets share: a raw socket client and a seeded random generator.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(name: "HoiDapServiceTests", dependencies: ["HoiDapService", "HTTPServer", "Tickets", "Knowledge", "TestSupport"]),
        .testTarget(
            name: "KnowledgeTests", dependencies: ["Knowledge", "VietText"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
