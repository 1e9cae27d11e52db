import Foundation
import KuraCore
import Testing

/// The shared RFC 6962 vectors (transparency-dev/merkle testdata), read from the folder named by
/// KURA_RFC6962_VECTORS. Skipped when the variable is unset; failing, not skipping, when it is
/// set and the folder is missing or empty (see shared/vectors/rfc6962/README.md).
@Suite struct RFC6962VectorTests {
    static let directory = ProcessInfo.processInfo.environment["KURA_RFC6962_VECTORS"]

    @Test(
        "every inclusion vector: happy paths verify, every wantErr case is refused",
        .enabled(if: directory != nil, "KURA_RFC6962_VECTORS is not set")
    )
    func inclusion() throws {
        var checked = 0
        for file in try Self.vectorFiles(in: "inclusion") {
            let vector = try Self.load(file)
            let leafIndex = try #require((vector["leafIdx"] as? NSNumber)?.int64Value, "\(file)")
            let treeSize = try #require((vector["treeSize"] as? NSNumber)?.int64Value, "\(file)")
            let wantError = try #require(vector["wantErr"] as? Bool, "\(file)")
            let leafHash = try Self.hash(vector["leafHash"])
            let root = try Self.hash(vector["root"])
            let proof = try Self.hashes(vector["proof"])
            if Self.refusedWhenDecoded(wantError: wantError, [leafHash, root] + proof) { continue }
            let result = InclusionProof.verify(
                leafHash: leafHash.stand,
                index: UInt64(bitPattern: leafIndex),
                size: UInt64(bitPattern: treeSize),
                proof: proof.map(\.stand),
                root: root.stand
            )
            #expect(result.isValid == !wantError, "\(file): \(result)")
            checked += 1
        }
        #expect(checked > 50)
    }

    @Test(
        "every consistency vector: happy paths verify, every wantErr case is refused",
        .enabled(if: directory != nil, "KURA_RFC6962_VECTORS is not set")
    )
    func consistency() throws {
        var checked = 0
        for file in try Self.vectorFiles(in: "consistency") {
            let vector = try Self.load(file)
            let size1 = try #require((vector["size1"] as? NSNumber)?.int64Value, "\(file)")
            let size2 = try #require((vector["size2"] as? NSNumber)?.int64Value, "\(file)")
            let wantError = try #require(vector["wantErr"] as? Bool, "\(file)")
            let root1 = try Self.hash(vector["root1"])
            let root2 = try Self.hash(vector["root2"])
            let proof = try Self.hashes(vector["proof"])
            if Self.refusedWhenDecoded(wantError: wantError, [root1, root2] + proof) { continue }
            let result = ConsistencyProof.verify(
                size1: UInt64(bitPattern: size1),
                size2: UInt64(bitPattern: size2),
                root1: root1.stand,
                root2: root2.stand,
                proof: proof.map(\.stand)
            )
            #expect(result.isValid == !wantError, "\(file): \(result)")
            checked += 1
        }
        #expect(checked > 50)
    }

    /// A vector value: a 32-byte hash, or some other byte string.
    ///
    /// The vectors also feed byte strings that are not 32 bytes long ("", "don't care"). A
    /// LogHash cannot hold those: Kura refuses them where it decodes hashes, before any
    /// verification. The one happy vector with such values ("sizes are equal (one) and proof is
    /// empty") only checks that two equal opaque roots at equal sizes are accepted; there each
    /// value stands in as SHA-256 of itself (via the leaf hash), which keeps equal strings equal.
    struct Value {
        var hash: LogHash?
        var stand: LogHash
    }

    /// Whether a vector was refused already where Kura decodes hashes: it holds a value that is
    /// not 32 bytes and expects an error. Every other vector runs through the verifier.
    static func refusedWhenDecoded(wantError: Bool, _ values: [Value]) -> Bool {
        wantError && values.contains { $0.hash == nil }
    }

    static func hash(_ value: Any?) throws -> Value {
        let text = try #require(value as? String)
        let bytes = [UInt8](try #require(Data(base64Encoded: text)))
        let hash = LogHash(bytes: bytes)
        return Value(hash: hash, stand: hash ?? RFC6962.leafHash(bytes))
    }

    /// A list of base64 values; JSON null is the empty proof.
    static func hashes(_ value: Any?) throws -> [Value] {
        if value == nil || value is NSNull { return [] }
        let list = try #require(value as? [Any])
        return try list.map(hash)
    }

    /// Every JSON file below <directory>/<kind>, recursively; fails if there are none.
    static func vectorFiles(in kind: String) throws -> [String] {
        let directory = try #require(directory)
        let root = URL(fileURLWithPath: directory).appendingPathComponent(kind).path
        var isDirectory: ObjCBool = false
        try #require(
            FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) && isDirectory.boolValue,
            "KURA_RFC6962_VECTORS is set but \(root) is not a folder"
        )
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        let files = enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted()
        try #require(!files.isEmpty, "no vector files under \(root)")
        return files.map { root + "/" + $0 }
    }

    static func load(_ file: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(file)")
    }
}
