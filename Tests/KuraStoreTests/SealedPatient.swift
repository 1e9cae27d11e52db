import KuraCore
import KuraStore
import KuraTesting

/// A patient whose demographics are sealed with a real key (ENC-1), written as the service will
/// write it: the head, the append and the first version in one unit. The backends' tests look
/// at the raw database afterwards and must not find the name, while they do find the plain id
/// (which shows that the look reaches the stored rows at all).
enum SealedPatient {
    /// The opaque id, stored plain.
    static let id = "pat_yamada_hanako"
    /// The name, which must never be stored in plaintext.
    static let name = "山田花子"

    /// The needles a raw look must not find: the name's UTF-8 and its surname's alone.
    static let plaintexts: [[UInt8]] = [Array(name.utf8), Array("山田".utf8), Array("ヤマダハナコ".utf8)]

    /// The unit that registers the patient.
    static func unit() throws -> WriteUnit {
        let kek = KeyEncryptionKey.generate(version: KeyVersion(1), using: SystemBytes())
        let context = FieldContext(clinicID: "clinic-1", objectID: id, field: "demographics", version: 1)
        let document = Array("{\"kana\":\"ヤマダハナコ\",\"name\":\"\(name)\"}".utf8)
        let sealed = try EncryptedField.seal(document, context: context, kek: kek, using: SystemBytes()).serialized
        let at: Int64 = 1_700_000_000_000
        let patient = PatientRecord(
            id: id, revision: 1, numberIndex: [UInt8](repeating: 1, count: 32),
            birthDateIndex: [UInt8](repeating: 2, count: 32), sealedDemographics: sealed, careStartedAt: at,
            careEndedAt: nil, mergedInto: nil, createdAt: at, createdBy: "acc_clerk", updatedAt: at,
            updatedBy: "acc_clerk"
        )
        let version = RecordVersion(
            objectID: id, version: 1, patientID: id, kind: "patient", state: "current", author: "acc_clerk",
            onBehalfOf: nil, recordedAt: at, careAt: nil, finalizedBy: nil, finalizedAt: nil, sealedBody: sealed,
            sealedReason: nil
        )
        return WriteUnit([
            .putPatient(patient, expectedRevision: nil), .appendLeaf(StoreConformance.append(1)),
            .insertRecordVersion(version),
        ])
    }

    /// Whether `bytes` hold any of the plaintexts.
    static func holdsPlaintext(_ bytes: [UInt8]) -> Bool {
        plaintexts.contains { bytes.firstRange(of: $0) != nil }
    }

    /// Whether `bytes` hold the plain id.
    static func holdsID(_ bytes: [UInt8]) -> Bool {
        bytes.firstRange(of: Array(id.utf8)) != nil
    }
}

/// The system's CSPRNG (`SystemRandomNumberGenerator`), for keys that must be real.
struct SystemBytes: RandomBytesSource {
    func bytes(count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
