// swift-tools-version:6.1
// Kura — a clinical record system for small clinics in Japan. See README.md and DESIGN.md.
//
// Every dependency is pinned with `exact:` because Package.resolved is not kept in the
// repository; `Sources/KuraServer/BuildInfo.swift` lists the same versions for
// `kura --version`, and a test checks that the two agree.

import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "kura",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kura", targets: ["kura"]),
        .library(name: "KuraCore", targets: ["KuraCore"]),
        .library(name: "KuraServer", targets: ["KuraServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-asn1.git", exact: "1.7.4"),
        .package(url: "https://github.com/apple/swift-certificates.git", exact: "1.21.1"),
        // Hummingbird depends on it with `traits: []`; Kura reads `kura.json`, so it asks for JSON.
        .package(url: "https://github.com/apple/swift-configuration.git", exact: "1.4.0", traits: ["JSON"]),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", exact: "2.37.6"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", exact: "1.33.2"),
    ],
    targets: [
        // Pure domain: hashing, proofs, canonical encoding, notes, key wrapping. No I/O.
        .target(
            name: "KuraCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Domain-shaped storage protocols and their durability contracts.
        .target(
            name: "KuraStore",
            dependencies: ["KuraCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KuraStoreSQLite",
            dependencies: [
                "KuraStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // GRDB's own system-SQLite module: the verifier's row reader steps statements with
                // the C API to copy blobs without a Data per column (SQLiteLedgerRowReader).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KuraStorePostgres",
            dependencies: [
                "KuraStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KuraServer",
            dependencies: [
                "KuraCore",
                "KuraStore",
                "KuraStoreSQLite",
                "KuraStorePostgres",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // The checklist data files (issue 8), compiled into the binary as byte arrays so the
            // single `kura` executable needs no resource bundle beside it (BundledChecklists).
            resources: [
                .embedInCode("Checklists/mhlw-r7-institution.checklist"),
                .embedInCode("Checklists/mhlw-r7-vendor.checklist"),
                .embedInCode("Checklists/guideline-v6.requirements"),
            ],
            swiftSettings: swiftSettings
        ),
        // Test support: fixed clocks and keys, the in-memory store, the store conformance suite.
        .target(
            name: "KuraTesting",
            dependencies: ["KuraCore", "KuraStore"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "kura",
            dependencies: [
                "KuraCore",
                "KuraServer",
                "KuraStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Benchmarks (release builds only; never part of scripts/test).
        .executableTarget(
            name: "kura-bench",
            dependencies: [
                "KuraCore",
                "KuraServer",
                "KuraStore",
                "KuraStorePostgres",
                "KuraStoreSQLite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // login-flood's HTTP/1.1 client (TestClient) and its event loop.
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Test harness for the crash tests: appends through the real server code and is killed
        // with SIGKILL. It is a separate executable so that the shipped binary has no debug route.
        .executableTarget(
            name: "kura-test-harness",
            dependencies: [
                "KuraCore",
                "KuraServer",
                "KuraStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KuraCoreTests",
            dependencies: [
                "KuraCore",
                "KuraTesting",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KuraStoreTests",
            dependencies: [
                "KuraCore",
                "KuraStore",
                "KuraStoreSQLite",
                "KuraStorePostgres",
                "KuraTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KuraServerTests",
            dependencies: [
                "KuraCore",
                "KuraServer",
                "KuraStore",
                "KuraStorePostgres",
                "KuraStoreSQLite",
                "KuraTesting",
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
