import Foundation
import KuraCore
import KuraStore

/// Where a generation keeps what: one folder per generation under the backup folder, named by
/// its id, holding `manifest.json`, `manifest.mac`, the data folder's own files in one sealed
/// file, and one sealed file per table.
///
/// A generation is written under `<id>.partial` and renamed to `<id>` only after its manifest
/// is on disk: a folder without the suffix and with a manifest is complete (BAK-1: an
/// incomplete generation is never marked complete).
enum BackupLayout {
    static let manifest = "manifest.json"
    static let authenticator = "manifest.mac"
    static let partialSuffix = ".partial"
    static let tablesFolder = "tables"
    /// The data folder's files (identity, keys, certificate, setup-code digest, configuration).
    static let dataFolderFile = "data-folder.kseal"

    /// The data folder's files a restore needs, relative to the folder (the emergency snapshot's
    /// key among them, sealed with the clinic's key-encryption key). The database is not
    /// among them: it travels as tables, in the backend-independent format.
    static let dataFolderFiles: [String] = [
        InstanceIdentity.fileName, FileKeySource.fileName, "setup-code.sha256", RecoveryKeyFile.fileName,
        SelfSignedCertificate.folderName + "/cert.pem", SelfSignedCertificate.folderName + "/key.pem",
        ServerConfiguration.fileName, EmergencyKeyFile.fileName,
    ]

    /// The sealed file of the `index`-th table (from 1), sortable by load order.
    static func tableFile(_ index: Int, _ table: PortableTable) -> String {
        "\(tablesFolder)/\(index < 10 ? "0" : "")\(index)-\(table.name).kseal"
    }

    /// The table a file name holds, if it is a table file.
    static func table(ofFile name: String) -> PortableTable? {
        for (offset, table) in PortableSchema.tables.enumerated() where tableFile(offset + 1, table) == name {
            return table
        }
        return nil
    }

    /// A new generation id: the UTC time to the second and four random hex digits, so ids sort
    /// by time and two backups in one second differ.
    static func generationID(at date: Date, random: some RandomBytesSource) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        let suffix = random.bytes(count: 2).map { String(format: "%02x", $0) }.joined()
        return "\(parts.year ?? 0)\(two(parts.month))\(two(parts.day))T\(two(parts.hour))\(two(parts.minute))"
            + "\(two(parts.second))Z-\(suffix)"
    }
}
