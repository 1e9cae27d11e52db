/// What one backup generation holds, written as `manifest.json` beside its sealed files (BAK-1).
///
/// The manifest is plain JSON so that generations can be listed without the recovery key, and it is
/// authenticated by `manifest.mac` (HMAC-SHA256 under a subkey of the generation key), so nothing in it
/// can be changed without the recovery key noticing. `checkpoint` is the signed checkpoint of the log at
/// backup time: an auditor can keep it as an anchor and check that a restored log extends it.
public struct BackupManifest: Codable, Sendable, Equatable {
    /// The manifest format this version of Kura writes and reads.
    public static let currentFormatVersion = 1

    /// The manifest format; 1.
    public let formatVersion: Int
    /// The generation's id (also the associated data of its wrapped key).
    public let generationID: String
    /// When the backup was taken, in milliseconds since 1970-01-01T00:00:00Z.
    public let createdAt: Int64
    /// The Kura version that wrote the backup.
    public let softwareVersion: String
    /// The database schema version the rows were read from.
    public let schemaVersion: Int
    /// The backend the rows were read from: `sqlite` or `postgres`.
    public let sourceBackend: String
    /// The clinic the backup belongs to.
    public let clinicID: String
    /// The origin line of the clinic's log.
    public let origin: String
    /// The signed checkpoint note text at backup time.
    public let checkpoint: String
    /// `RecoveryPublicKey.fingerprint` of the key the generation key is wrapped to.
    public let recoveryKeyFingerprint: String
    /// The generation key, wrapped to the recovery public key.
    public let wrappedKey: WrappedGenerationKey
    /// The sealed files of the generation.
    public let files: [File]

    /// One sealed file of a generation.
    public struct File: Codable, Sendable, Equatable {
        /// The file's name in the generation folder (bound into its key).
        public let name: String
        /// The length of the sealed file in bytes.
        public let byteCount: Int64
        /// SHA-256 of the sealed file's bytes, lower-case hex: checkable without the recovery key.
        public let sha256: String
        /// How many records or rows the file holds; 0 where a count means nothing.
        public let rows: Int64

        /// Describes one sealed file; counts must be 0 to 2^53 (`CanonicalJSON` integers), which is
        /// a programming error to exceed.
        public init(name: String, byteCount: Int64, sha256: String, rows: Int64) {
            precondition(BackupManifest.isCount(byteCount) && BackupManifest.isCount(rows), "count out of range")
            self.name = name
            self.byteCount = byteCount
            self.sha256 = sha256
            self.rows = rows
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, byteCount, sha256, rows
        }
    }

    /// Describes a generation in the current format.
    ///
    /// `createdAt` must be within ±2^53 and `schemaVersion` 0 to 2^53, so that `encoded()` is exact
    /// in any JSON reader; exceeding them is a programming error.
    public init(
        generationID: String,
        createdAt: Int64,
        softwareVersion: String,
        schemaVersion: Int,
        sourceBackend: String,
        clinicID: String,
        origin: String,
        checkpoint: String,
        recoveryKeyFingerprint: String,
        wrappedKey: WrappedGenerationKey,
        files: [File]
    ) {
        precondition(abs(createdAt) <= CanonicalJSON.maximumIntegerMagnitude, "createdAt out of range")
        precondition(Self.isCount(Int64(schemaVersion)), "schemaVersion out of range")
        self.init(
            formatVersion: Self.currentFormatVersion, generationID: generationID, createdAt: createdAt,
            softwareVersion: softwareVersion, schemaVersion: schemaVersion, sourceBackend: sourceBackend,
            clinicID: clinicID, origin: origin, checkpoint: checkpoint,
            recoveryKeyFingerprint: recoveryKeyFingerprint, wrappedKey: wrappedKey, files: files)
    }

    /// The memberwise initialiser, for decoding (which checks ranges itself).
    init(
        formatVersion: Int,
        generationID: String,
        createdAt: Int64,
        softwareVersion: String,
        schemaVersion: Int,
        sourceBackend: String,
        clinicID: String,
        origin: String,
        checkpoint: String,
        recoveryKeyFingerprint: String,
        wrappedKey: WrappedGenerationKey,
        files: [File]
    ) {
        self.formatVersion = formatVersion
        self.generationID = generationID
        self.createdAt = createdAt
        self.softwareVersion = softwareVersion
        self.schemaVersion = schemaVersion
        self.sourceBackend = sourceBackend
        self.clinicID = clinicID
        self.origin = origin
        self.checkpoint = checkpoint
        self.recoveryKeyFingerprint = recoveryKeyFingerprint
        self.wrappedKey = wrappedKey
        self.files = files
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case formatVersion, generationID, createdAt, softwareVersion, schemaVersion, sourceBackend, clinicID
        case origin, checkpoint, recoveryKeyFingerprint, wrappedKey, files
    }

    static func isCount(_ value: Int64) -> Bool {
        (0...CanonicalJSON.maximumIntegerMagnitude).contains(value)
    }
}
