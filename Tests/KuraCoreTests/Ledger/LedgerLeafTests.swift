import Crypto
import KuraCore
import Testing

@Suite struct LedgerLeafTests {
    static let salt = LedgerSalt(bytes: Array(0..<32))!
    static let details: CanonicalJSON = ["kind": "entry", "version": 3]
    static let detailsBytes = Array(#"{"kind":"entry","version":3}"#.utf8)
    /// Computed with Python: sha256(b"kura.ledger.commitment.v1\x00" + bytes(range(32)) + details).
    static let expectedCommitmentHex = "ca0ffabaece72741821a1113f27b1c6046cf05141a5c90de7b32655388865a6f"
    static let expectedLeaf = #"{"c":"yg/6uuznJ0GCGhET8nscYEbPBRQaXJDeezJlU4iGWm8=","v":1}"#

    @Test("commitment matches the known answer and a hash concatenated by hand")
    func commitmentKnownAnswer() throws {
        let commitment = try LedgerCommitment(details: Self.details, salt: Self.salt)
        #expect(commitment.bytes == LedgerFixtures.hash(hex: Self.expectedCommitmentHex).bytes)
        // The same hash, concatenated here from the documented parts.
        let tag: [UInt8] = [0x6B, 0x75, 0x72, 0x61, 0x2E] + Array("ledger.commitment.v1".utf8) + [0x00]
        #expect(LedgerCommitment.domainTag == tag)
        let manual = Array(SHA256.hash(data: tag + Array(0..<32) + Self.detailsBytes))
        #expect(commitment.bytes == manual)
        #expect(LedgerCommitment(canonicalDetails: Self.detailsBytes, salt: Self.salt) == commitment)
    }

    @Test("leaf bytes are the canonical {\"c\",\"v\"} object with the commitment in base64")
    func leafBytes() throws {
        let leaf = try LedgerLeaf(details: Self.details, salt: Self.salt)
        #expect(String(decoding: leaf.bytes, as: UTF8.self) == Self.expectedLeaf)
        #expect(leaf.bytes.count == 58)
        #expect(try leaf.bytes == leaf.json.canonicalBytes())
        #expect(try LedgerLeaf.parse(leaf.bytes) == leaf)
    }

    @Test("verifies matching details and salt, by value and by stored bytes")
    func verifiesMatch() throws {
        let leaf = try LedgerLeaf.parse(Array(Self.expectedLeaf.utf8))
        #expect(leaf.verify(details: Self.details, salt: Self.salt) == .valid)
        #expect(leaf.verify(canonicalDetails: Self.detailsBytes, salt: Self.salt) == .valid)
    }

    @Test("refuses details with any one byte changed")
    func refusesChangedDetails() throws {
        let leaf = try LedgerLeaf(details: Self.details, salt: Self.salt)
        for index in Self.detailsBytes.indices {
            var changed = Self.detailsBytes
            changed[index] ^= 0x01
            let result = leaf.verify(canonicalDetails: changed, salt: Self.salt)
            #expect(result != .valid, "byte \(index)")
        }
        // A change that keeps the bytes canonical is a commitment mismatch, not a format error.
        let other = Array(#"{"kind":"entry","version":4}"#.utf8)
        #expect(leaf.verify(canonicalDetails: other, salt: Self.salt) == .invalid(.commitmentMismatch))
        #expect(
            leaf.verify(details: ["kind": "entry", "version": 4], salt: Self.salt) == .invalid(.commitmentMismatch))
    }

    @Test("refuses details that are not canonical even when equivalent")
    func refusesNonCanonicalDetails() throws {
        let leaf = try LedgerLeaf(details: Self.details, salt: Self.salt)
        let reordered = Array(#"{"version":3,"kind":"entry"}"#.utf8)
        #expect(leaf.verify(canonicalDetails: reordered, salt: Self.salt) == .invalid(.detailsNotCanonical))
        #expect(leaf.verify(details: ["n": .integer(1 << 60)], salt: Self.salt) == .invalid(.detailsNotCanonical))
    }

    @Test("refuses a salt with any one byte changed")
    func refusesChangedSalt() throws {
        let leaf = try LedgerLeaf(details: Self.details, salt: Self.salt)
        for index in 0..<LedgerSalt.byteCount {
            var bytes = Self.salt.bytes
            bytes[index] ^= 0x80
            #expect(
                leaf.verify(details: Self.details, salt: LedgerSalt(bytes: bytes)!) == .invalid(.commitmentMismatch))
        }
    }

    @Test("a leaf with any one byte changed fails to parse or fails to verify")
    func refusesChangedLeaf() throws {
        let bytes = Array(Self.expectedLeaf.utf8)
        for index in bytes.indices {
            for flip: UInt8 in [0x01, 0x20] {
                var changed = bytes
                changed[index] ^= flip
                if let leaf = try? LedgerLeaf.parse(changed) {
                    #expect(leaf.verify(details: Self.details, salt: Self.salt) == .invalid(.commitmentMismatch))
                }
            }
        }
    }

    static let badLeaves: [(String, LedgerLeafError)] = [
        (#"{"v":1,"c":"yg/6uuznJ0GCGhET8nscYEbPBRQaXJDeezJlU4iGWm8="}"#, .notCanonicalJSON(.notCanonical)),
        (#"{"c":"yg/6uuznJ0GCGhET8nscYEbPBRQaXJDeezJlU4iGWm8=", "v":1}"#, .notCanonicalJSON(.notCanonical)),
        (#"{"c":"yg\/6uuznJ0GCGhET8nscYEbPBRQaXJDeezJlU4iGWm8=","v":1}"#, .notCanonicalJSON(.notCanonical)),
        (#"{"c":"yg/6uuznJ0GCGhET8nscYEbPBRQaXJDeezJlU4iGWm8=","v":1,"x":0}"#, .wrongMembers),
        (#"{"c":"yg/6uuznJ0GCGhET8nscYEbPBRQaXJDeezJlU4iGWm8="}"#, .wrongMembers),
        (#"{"c":"yg/6uuznJ0GCGhET8nscYEbPBRQaXJDeezJlU4iGWm8=","w":1}"#, .wrongMembers),
        (#"["yg/6uuznJ0GCGhET8nscYEbPBRQaXJDeezJlU4iGWm8=",1]"#, .wrongMembers),
        (#"{"c":"yg/6uuznJ0GCGhET8nscYEbPBRQaXJDeezJlU4iGWm8=","v":2}"#, .unsupportedVersion),
        (#"{"c":"yg/6uuznJ0GCGhET8nscYEbPBRQaXJDeezJlU4iGWm8=","v":"1"}"#, .unsupportedVersion),
        // Non-zero unused bits in the last base64 symbol (RFC 4648 §3.5): same bytes, other spelling.
        (#"{"c":"yg/6uuznJ0GCGhET8nscYEbPBRQaXJDeezJlU4iGWm9=","v":1}"#, .invalidCommitment),
        (#"{"c":"yg/6uuznJ0GCGhET8nscYEbPBRQaXJDeezJlU4iGWm8","v":1}"#, .invalidCommitment),
        (#"{"c":"yg_6uuznJ0GCGhET8nscYEbPBRQaXJDeezJlU4iGWm8=","v":1}"#, .invalidCommitment),
        (#"{"c":"yg/6uuznJ0GCGhET8nscYEbPBRQaXJDeezJlU4iG","v":1}"#, .invalidCommitment),
        (#"{"c":"","v":1}"#, .invalidCommitment),
        (#"{"c":1,"v":1}"#, .invalidCommitment),
    ]

    @Test("parse refuses anything but the exact leaf shape", arguments: badLeaves)
    func refusesBadLeaves(text: String, error: LedgerLeafError) {
        #expect(throws: error) { try LedgerLeaf.parse(Array(text.utf8)) }
    }

    @Test("the leaf reveals nothing about the details: different kinds give same-shaped leaves")
    func leafRevealsNothing() throws {
        let entry = try LedgerLeaf(details: ["kind": "entry", "record": "r1"], salt: Self.salt)
        let audit = try LedgerLeaf(
            details: ["kind": "audit", "actor": "a1", "patients": ["p1", "p2"]], salt: Self.salt)
        #expect(entry.bytes.count == audit.bytes.count)
        #expect(entry.bytes.prefix(6) == audit.bytes.prefix(6))
        #expect(entry.bytes.suffix(8) == audit.bytes.suffix(8))
        #expect(entry != audit)
    }

    @Test("salts are redacted in descriptions and come from the given generator")
    func saltRedactionAndGeneration() {
        #expect(String(describing: Self.salt) == "LedgerSalt(redacted)")
        #expect(String(reflecting: Self.salt) == "LedgerSalt(redacted)")
        var first = LedgerFixtures.SeededGenerator(seed: 7)
        var second = LedgerFixtures.SeededGenerator(seed: 7)
        #expect(LedgerSalt(using: &first) == LedgerSalt(using: &second))
        #expect(LedgerSalt(bytes: Array(0..<31)) == nil)
        #expect(LedgerSalt(bytes: Array(0..<33)) == nil)
    }
}
