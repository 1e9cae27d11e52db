import KuraCore
import Testing

/// Known answers for the hash primitives, computed independently (Python hashlib) over the
/// RFC 6962 test leaves "", 00, 10, 2021, 3031, 40414243, 5051525354555657, 60…6f.
@Suite struct RFC6962Tests {
    static let leaves: [[UInt8]] = [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    ].map(bytes(hex:))

    static let roots = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]

    @Test("the empty root is SHA-256 of the empty string")
    func emptyRoot() {
        #expect(RFC6962.emptyRoot.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("leaf and node hashes use the 0x00 and 0x01 prefixes")
    func primitives() {
        let empty = RFC6962.leafHash([UInt8]())
        #expect(empty.hex == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
        #expect(
            RFC6962.leafHash(Array("kura".utf8)).hex
                == "9af739883c01733b9218bb024f8e29fdb6fc2d1e5b80529e8460d8d61205b9c1")
        let node = RFC6962.nodeHash(empty, RFC6962.leafHash([0x00]))
        #expect(node.hex == "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")
        #expect(RFC6962.nodeHash(RFC6962.leafHash([0x00]), empty) != node)
    }

    @Test(
        "short leaves (one stack copy) and long leaves (two updates) both hash correctly",
        arguments: [
            (1023, "a79b506e6a6e207c85c7cfc0bd2501ecc2f833f037771a84c2d3d304f9e1f812"),
            (1024, "5ebe8c44eeb4a630185f0514cf91fdb89521bfdbdc35b0e1ebf1f49afd46f460"),
            (2000, "8ea8fcc4612ddfee53f6e7643fcad148bb697a1f87805f6afe010ea01f82084f"),
        ])
    func leafLengths(length: Int, expected: String) {
        let leaf = (0..<length).map { UInt8($0 % 251) }
        #expect(RFC6962.leafHash(leaf).hex == expected)
    }

    @Test("non-contiguous leaves hash like contiguous ones")
    func nonContiguousLeaf() {
        let bytes: [UInt8] = Array(0..<200)
        let lazy = (0..<200).lazy.map { UInt8($0) }
        #expect(RFC6962.leafHash(lazy) == RFC6962.leafHash(bytes))
        #expect(RFC6962.leafHash(bytes[10..<50]) == RFC6962.leafHash(Array(bytes[10..<50])))
    }

    @Test("roots of the RFC 6962 test leaves for sizes 1 to 8", arguments: 1...8)
    func knownRoots(size: Int) {
        var range = CompactRange()
        for leaf in Self.leaves.prefix(size) {
            range.append(RFC6962.leafHash(leaf))
        }
        #expect(range.root().hex == Self.roots[size - 1])
    }

    /// Decodes lower-case hexadecimal (test input only).
    static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map {
            UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16)!
        }
    }
}
