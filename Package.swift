// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "hoidap",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hoidap", targets: ["hoidap"]),
        .library(name: "VietText", targets: ["VietText"]),
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
        .target(
            name: "Knowledge",
            dependencies: ["VietText", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "Tickets", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "hoidap",
            dependencies: [
                "VietText", "Knowledge", "Tickets", "OrderedJSON",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "VietTextTests", dependencies: ["VietText"]),
        .testTarget(name: "OrderedJSONTests", dependencies: ["OrderedJSON"]),
        .testTarget(name: "TicketsTests", dependencies: ["Tickets"]),
        .testTarget(
            name: "KnowledgeTests", dependencies: ["Knowledge", "VietText"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
