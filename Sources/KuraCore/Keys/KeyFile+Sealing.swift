import Crypto

extension KeyFile {
    /// A key file holding `material` in plain.
    public static func plain(_ material: ClinicKeyMaterial) throws(KeyFileError) -> KeyFile {
        let header = try makeHeader(for: material, protection: .plain, sealing: nil)
        return KeyFile(
            clinicID: material.clinicID, keyVersion: material.keyEncryptionKey.version, protection: .plain,
            header: header, sealing: nil, secretPart: secrets(of: material))
    }

    /// A key file holding `material` sealed under `passphrase` (UTF-8 bytes as given, not normalised).
    public static func sealed(
        _ material: ClinicKeyMaterial,
        passphrase: String,
        parameters: ScryptParameters = .default,
        using random: some RandomBytesSource
    ) throws(KeyFileError) -> KeyFile {
        guard !passphrase.isEmpty else { throw .emptyPassphrase }
        let salt = random.exactly(saltByteCount)
        let derived = try parameters.deriveKey(
            passphrase: Array(passphrase.utf8), salt: salt, byteCount: 32 + checkByteCount)
        let sealing = Sealing(salt: salt, check: Array(derived[32...]), nonce: random.exactly(nonceByteCount))
        let protection = Protection.passphrase(parameters)
        let header = try makeHeader(for: material, protection: protection, sealing: sealing)
        let sealed: [UInt8]
        do {
            let box = try AES.GCM.seal(
                secrets(of: material), using: SymmetricKey(data: derived[..<32]),
                nonce: AES.GCM.Nonce(data: sealing.nonce), authenticating: header)
            sealed = Array(box.ciphertext) + Array(box.tag)
        } catch {
            throw .keyDerivationFailed
        }
        return KeyFile(
            clinicID: material.clinicID, keyVersion: material.keyEncryptionKey.version, protection: protection,
            header: header, sealing: sealing, secretPart: sealed)
    }

    /// The key material, unsealed with `passphrase` when the file is sealed.
    ///
    /// A passphrase for a plain file is refused (`.passphraseNotExpected`) rather than ignored, so an
    /// operator who believes the file is sealed finds out.
    public func open(passphrase: String?) throws(KeyFileError) -> ClinicKeyMaterial {
        switch (protection, sealing, passphrase) {
        case (.plain, _, .some):
            throw .passphraseNotExpected
        case (.plain, _, .none):
            return try material(fromSecrets: secretPart)
        case (.passphrase, _, .none):
            throw .passphraseRequired
        case (.passphrase(let parameters), .some(let sealing), .some(let passphrase)):
            let derived = try parameters.deriveKey(
                passphrase: Array(passphrase.utf8), salt: sealing.salt, byteCount: 32 + Self.checkByteCount)
            guard ConstantTime.equal(Array(derived[32...]), sealing.check) else { throw .wrongPassphrase }
            let secrets: [UInt8]
            do {
                let box = try AES.GCM.SealedBox(
                    nonce: AES.GCM.Nonce(data: sealing.nonce),
                    ciphertext: secretPart.dropLast(Self.tagByteCount),
                    tag: secretPart.suffix(Self.tagByteCount))
                secrets = Array(
                    try AES.GCM.open(box, using: SymmetricKey(data: derived[..<32]), authenticating: header))
            } catch {
                throw .authenticationFailed
            }
            return try material(fromSecrets: secrets)
        case (.passphrase, .none, .some):
            throw .malformed
        }
    }

    private func material(fromSecrets secrets: [UInt8]) throws(KeyFileError) -> ClinicKeyMaterial {
        guard secrets.count == Self.secretsByteCount,
            let seed = LogSigningKeySeed(bytes: secrets[..<LogSigningKeySeed.byteCount]),
            let kek = KeyEncryptionKey(version: keyVersion, bytes: secrets[LogSigningKeySeed.byteCount...])
        else { throw .malformed }
        return ClinicKeyMaterial(clinicID: clinicID, logSigningSeed: seed, keyEncryptionKey: kek)
    }

    private static func secrets(of material: ClinicKeyMaterial) -> [UInt8] {
        material.logSigningSeed.secretBytes + material.keyEncryptionKey.secretBytes
    }

    private static func makeHeader(
        for material: ClinicKeyMaterial,
        protection: Protection,
        sealing: Sealing?
    ) throws(KeyFileError) -> [UInt8] {
        let clinic = Array(material.clinicID.utf8)
        guard (1...255).contains(clinic.count) else { throw .invalidClinicID }
        var writer = KeyFormatWriter()
        writer.append(magic)
        writer.append(format)
        writer.append(UInt8(protection.requiresSealing ? 1 : 0))
        writer.append(UInt8(clinic.count))
        writer.append(clinic)
        writer.append(material.keyEncryptionKey.version.rawValue)
        if case .passphrase(let parameters) = protection, let sealing {
            writer.append(parameters.log2N)
            writer.append(parameters.blockSize)
            writer.append(parameters.parallelism)
            writer.append(sealing.salt)
            writer.append(sealing.check)
            writer.append(sealing.nonce)
        }
        return writer.bytes
    }
}

extension KeyFile.Protection {
    var requiresSealing: Bool {
        if case .passphrase = self { return true }
        return false
    }
}
