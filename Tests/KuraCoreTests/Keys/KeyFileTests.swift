import Crypto
import KuraCore
import Testing

@Suite("Key file: plain and passphrase-sealed (scrypt + AES-256-GCM)")
struct KeyFileTests {
    let random = SeededRandomBytes(seed: "key-file-tests")
    /// Low cost for tests (DESIGN.md "Testing notes"); one test below uses the production default.
    let cheap = ScryptParameters(log2N: 4, blockSize: 1, parallelism: 1)!

    var material: ClinicKeyMaterial {
        .generate(clinicID: "東京在宅クリニック", keyVersion: KeyVersion(3), using: random)
    }

    @Test("a plain file round-trips the clinic id, seed, KEK and version")
    func plainRoundTrip() throws {
        let material = self.material
        let file = try KeyFile.plain(material)
        let parsed = try KeyFile(parsing: file.serialized)
        #expect(parsed.clinicID == material.clinicID)
        #expect(parsed.keyVersion == KeyVersion(3))
        #expect(parsed.protection == .plain)
        #expect(!parsed.requiresPassphrase)
        #expect(try parsed.open(passphrase: nil) == material)
        #expect(file.serialized.starts(with: Array("KURA-KEY".utf8) + [1, 0]))
    }

    @Test("a sealed file opens with its passphrase and keeps its parameters")
    func sealedRoundTrip() throws {
        let material = self.material
        let file = try KeyFile.sealed(material, passphrase: "correct horse 馬", parameters: cheap, using: random)
        let parsed = try KeyFile(parsing: file.serialized)
        #expect(parsed.protection == .passphrase(cheap))
        #expect(parsed.requiresPassphrase)
        #expect(try parsed.open(passphrase: "correct horse 馬") == material)
        // The secrets are not in the file in the clear.
        let secrets = hexEncoded(material.logSigningSeed.signingKey.rawRepresentation)
        #expect(!hexEncoded(file.serialized).contains(secrets))
    }

    @Test("the production cost (N=2^15, r=8, p=1) seals and opens")
    func productionCost() throws {
        let material = self.material
        let file = try KeyFile.sealed(material, passphrase: "pass", using: random)
        #expect(file.protection == .passphrase(.default))
        #expect(try KeyFile(parsing: file.serialized).open(passphrase: "pass") == material)
    }

    @Test("a wrong or missing passphrase is reported as such")
    func wrongPassphrase() throws {
        let file = try KeyFile.sealed(material, passphrase: "right", parameters: cheap, using: random)
        #expect(throws: KeyFileError.wrongPassphrase) { try file.open(passphrase: "wrong") }
        #expect(throws: KeyFileError.wrongPassphrase) { try file.open(passphrase: "") }
        #expect(throws: KeyFileError.passphraseRequired) { try file.open(passphrase: nil) }
        #expect(throws: KeyFileError.passphraseNotExpected) { try KeyFile.plain(material).open(passphrase: "x") }
        #expect(throws: KeyFileError.emptyPassphrase) {
            try KeyFile.sealed(material, passphrase: "", parameters: cheap, using: random)
        }
    }

    @Test("every single-byte change to a key file is refused", arguments: [false, true])
    func everyByteFlipRefused(sealed: Bool) throws {
        let material = self.material
        let file =
            sealed
            ? try KeyFile.sealed(material, passphrase: "pw", parameters: cheap, using: random)
            : try KeyFile.plain(material)
        let bytes = file.serialized
        for index in bytes.indices {
            var tampered = bytes
            tampered[index] ^= 0x04
            #expect(throws: KeyFileError.self, "byte \(index)") {
                try KeyFile(parsing: tampered).open(passphrase: sealed ? "pw" : nil)
            }
        }
    }

    @Test("with the checksum recomputed, altered secrets or header still fail authentication")
    func tamperBehindChecksum() throws {
        let file = try KeyFile.sealed(material, passphrase: "pw", parameters: cheap, using: random)
        let body = Array(file.serialized.dropLast(32))
        func reseal(_ body: [UInt8]) -> [UInt8] { body + Array(SHA256.hash(data: body)) }

        var secrets = body
        secrets[secrets.count - 20] ^= 1
        #expect(throws: KeyFileError.authenticationFailed) {
            try KeyFile(parsing: reseal(secrets)).open(passphrase: "pw")
        }
        // Header: the last byte of the KEK version (magic 8, format, protection, length, clinic id).
        var version = body
        version[11 + "東京在宅クリニック".utf8.count + 3] ^= 1
        #expect(throws: KeyFileError.authenticationFailed) {
            try KeyFile(parsing: reseal(version)).open(passphrase: "pw")
        }
        // The salt feeds scrypt, so altering it looks like a wrong passphrase.
        var salt = body
        salt[11 + "東京在宅クリニック".utf8.count + 4 + 9] ^= 1
        #expect(throws: KeyFileError.wrongPassphrase) { try KeyFile(parsing: reseal(salt)).open(passphrase: "pw") }
        // A sealed file relabelled as plain no longer has the right length.
        var relabelled = body
        relabelled[9] = 0
        #expect(throws: KeyFileError.malformed) { try KeyFile(parsing: reseal(relabelled)) }
    }

    @Test("truncated, extended, foreign or future files are refused with the right error")
    func strictParsing() throws {
        let bytes = try KeyFile.plain(material).serialized
        #expect(throws: KeyFileError.malformed) { try KeyFile(parsing: []) }
        #expect(throws: KeyFileError.malformed) { try KeyFile(parsing: Array("-----BEGIN PRIVATE KEY-----".utf8)) }
        #expect(throws: KeyFileError.corrupted) { try KeyFile(parsing: bytes.dropLast()) }
        #expect(throws: KeyFileError.corrupted) { try KeyFile(parsing: bytes + [0]) }
        var future = Array(bytes.dropLast(32))
        future[8] = 2
        #expect(throws: KeyFileError.unsupportedFormat(2)) {
            try KeyFile(parsing: future + Array(SHA256.hash(data: future)))
        }
        var trailing = Array(bytes.dropLast(32)) + [0]
        trailing = trailing + Array(SHA256.hash(data: trailing))
        #expect(throws: KeyFileError.malformed) { try KeyFile(parsing: trailing) }
    }

    @Test("stored scrypt parameters out of bounds are refused before any derivation")
    func parameterBounds() throws {
        let file = try KeyFile.sealed(material, passphrase: "pw", parameters: cheap, using: random)
        var body = Array(file.serialized.dropLast(32))
        body[11 + "東京在宅クリニック".utf8.count + 4] = 30  // log2 N = 30 (128 GiB at r = 1)
        #expect(throws: KeyFileError.unsupportedScryptParameters) {
            try KeyFile(parsing: body + Array(SHA256.hash(data: body)))
        }
    }

    @Test("clinic ids must be 1 to 255 bytes")
    func clinicID() {
        for clinicID in ["", String(repeating: "x", count: 256)] {
            let material = ClinicKeyMaterial.generate(clinicID: clinicID, using: random)
            #expect(throws: KeyFileError.invalidClinicID) { try KeyFile.plain(material) }
        }
    }

    @Test("the log signing key derived from the stored seed signs and verifies")
    func signingKey() throws {
        let original = self.material
        let material = try KeyFile(parsing: KeyFile.plain(original).serialized).open(passphrase: nil)
        let key = material.logSigningSeed.signingKey
        let signature = try key.signature(for: Array("checkpoint".utf8))
        #expect(original.logSigningSeed.signingKey.publicKey.isValidSignature(signature, for: Array("checkpoint".utf8)))
    }
}
