/// The bytes of `manifest.json`: RFC 8785 canonical JSON (members sorted, no whitespace, `/` not
/// escaped), so the same manifest always has the same bytes and its MAC can be checked anywhere.
///
/// `JSONEncoder` output is not canonical and is not what `manifest.mac` covers; write `encoded()`.
extension BackupManifest {
    /// The canonical JSON bytes written to `manifest.json`.
    public func encoded() -> [UInt8] {
        do {
            return try json.canonicalBytes()
        } catch {
            // Member names are ASCII, nesting is 3 deep, and every integer was range-checked when the
            // manifest was made or decoded: serialisation cannot fail.
            preconditionFailure("a backup manifest did not serialise")
        }
    }

    /// Reads a manifest without checking its authenticator, to list generations without the recovery
    /// key. Nothing in the result is authenticated: use `open` before trusting any of it.
    public static func decodeUnauthenticated(_ bytes: [UInt8]) throws(BackupCryptoError) -> BackupManifest {
        let json: CanonicalJSON
        do {
            json = try CanonicalJSON.parse(bytes)
        } catch {
            throw .manifestUnreadable
        }
        // The version is read first: a newer format may differ in any other member.
        guard case .object(let members) = json, case .integer(let version)? = members["formatVersion"] else {
            throw .manifestUnreadable
        }
        guard version == Int64(currentFormatVersion) else {
            throw .unsupportedManifestVersion(Int(clamping: version))
        }
        let object = try Members(members, keys: CodingKeys.allCases.map(\.rawValue))
        guard case .array(let fileValues) = try object.value(CodingKeys.files.rawValue) else {
            throw .manifestUnreadable
        }
        var files: [File] = []
        for value in fileValues {
            guard case .object(let fileMembers) = value else { throw .manifestUnreadable }
            let file = try Members(fileMembers, keys: File.CodingKeys.allCases.map(\.rawValue))
            files.append(
                File(
                    name: try file.string("name"), byteCount: try file.count("byteCount"),
                    sha256: try file.string("sha256"), rows: try file.count("rows")))
        }
        guard case .object(let wrappedMembers) = try object.value(CodingKeys.wrappedKey.rawValue) else {
            throw .manifestUnreadable
        }
        let wrapped = try Members(wrappedMembers, keys: ["encapsulatedKey", "ciphertext"])
        return BackupManifest(
            formatVersion: currentFormatVersion,
            generationID: try object.string("generationID"),
            createdAt: try object.integer("createdAt"),
            softwareVersion: try object.string("softwareVersion"),
            schemaVersion: Int(try object.count("schemaVersion")),
            sourceBackend: try object.string("sourceBackend"),
            clinicID: try object.string("clinicID"),
            origin: try object.string("origin"),
            checkpoint: try object.string("checkpoint"),
            recoveryKeyFingerprint: try object.string("recoveryKeyFingerprint"),
            wrappedKey: WrappedGenerationKey(
                encapsulatedKey: try wrapped.base64("encapsulatedKey"), ciphertext: try wrapped.base64("ciphertext")),
            files: files)
    }

    var json: CanonicalJSON {
        .object([
            "formatVersion": .integer(Int64(formatVersion)),
            "generationID": .string(generationID),
            "createdAt": .integer(createdAt),
            "softwareVersion": .string(softwareVersion),
            "schemaVersion": .integer(Int64(schemaVersion)),
            "sourceBackend": .string(sourceBackend),
            "clinicID": .string(clinicID),
            "origin": .string(origin),
            "checkpoint": .string(checkpoint),
            "recoveryKeyFingerprint": .string(recoveryKeyFingerprint),
            "wrappedKey": .object([
                "encapsulatedKey": .string(StrictBase64.encode(wrappedKey.encapsulatedKey)),
                "ciphertext": .string(StrictBase64.encode(wrappedKey.ciphertext)),
            ]),
            "files": .array(
                files.map { file in
                    .object([
                        "name": .string(file.name), "byteCount": .integer(file.byteCount),
                        "sha256": .string(file.sha256), "rows": .integer(file.rows),
                    ])
                }),
        ])
    }
}

/// The members of one JSON object, which must be exactly the expected names.
private struct Members {
    let members: [String: CanonicalJSON]

    init(_ members: [String: CanonicalJSON], keys: [String]) throws(BackupCryptoError) {
        guard Set(members.keys) == Set(keys) else { throw .manifestUnreadable }
        self.members = members
    }

    func value(_ key: String) throws(BackupCryptoError) -> CanonicalJSON {
        guard let value = members[key] else { throw .manifestUnreadable }
        return value
    }

    func string(_ key: String) throws(BackupCryptoError) -> String {
        guard case .string(let text) = try value(key) else { throw .manifestUnreadable }
        return text
    }

    /// Any integer `CanonicalJSON.parse` accepts (it refuses those beyond ±2^53).
    func integer(_ key: String) throws(BackupCryptoError) -> Int64 {
        guard case .integer(let number) = try value(key) else { throw .manifestUnreadable }
        return number
    }

    func count(_ key: String) throws(BackupCryptoError) -> Int64 {
        let number = try integer(key)
        guard number >= 0 else { throw .manifestUnreadable }
        return number
    }

    func base64(_ key: String) throws(BackupCryptoError) -> [UInt8] {
        guard let bytes = StrictBase64.decode(try string(key)) else { throw .manifestUnreadable }
        return bytes
    }
}
