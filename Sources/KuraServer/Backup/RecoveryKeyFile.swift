import Foundation
import KuraCore

/// The recovery key's public half in the data folder (`recovery.pub`): what every backup
/// generation's key is wrapped to. The private half is never stored on the server (BAK-2).
public enum RecoveryKeyFile {
    /// The file's name in the data folder.
    public static let fileName = "recovery.pub"

    /// The file's path in `folder`.
    public static func path(inDataFolder folder: String) -> String { "\(folder)/\(fileName)" }

    /// Reads the public key of `folder`.
    public static func read(inDataFolder folder: String) throws -> RecoveryPublicKey {
        let path = path(inDataFolder: folder)
        guard PrivateFile.exists(at: path) else { throw BackupError.noRecoveryKey(dataFolder: folder) }
        let bytes = try PrivateFile.read(at: path, maxBytes: 4096)
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return try RecoveryPublicKey(text: text)
    }

    /// Makes the recovery key once: writes its public half to `folder` and returns the key, which
    /// the caller prints and hands to the security officer and then forgets.
    public static func create(
        inDataFolder folder: String,
        random: some RandomBytesSource = SystemRandomBytes()
    ) throws -> RecoveryKey {
        guard PrivateFile.exists(at: "\(folder)/\(InstanceIdentity.fileName)") else {
            throw LogIdentityError.noDataFolder(folder)
        }
        let key = RecoveryKey.generate(using: random)
        let path = path(inDataFolder: folder)
        guard
            try PrivateFile.createExclusively(
                at: path, contents: Array((key.publicKey.text + "\n").utf8), mode: 0o600, random: random)
        else { throw BackupError.recoveryKeyExists(path: path) }
        return key
    }
}
