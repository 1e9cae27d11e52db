import Foundation
import KuraCore

/// Finds and reads the word list that new passwords are checked against (AUTH-3).
///
/// Kura ships no word list; it uses the system's when one is installed (Debian's
/// cracklib-runtime provides `cracklib-small`, wamerican provides `words`), or the file an operator
/// configured, for instance a larger list or one of Japanese romaji.
public enum PasswordWordList {
    /// The system lists tried in order when none is configured.
    public static let systemPaths = ["/usr/share/dict/cracklib-small", "/usr/share/dict/words"]

    /// The configured list (which must be readable), else the first system list present, else nil.
    public static func load(configuredPath: String?) throws(PasswordWordListError) -> PasswordDictionary? {
        if let configuredPath { return try read(configuredPath) }
        for path in systemPaths where FileManager.default.isReadableFile(atPath: path) {
            return try read(path)
        }
        return nil
    }

    /// Reads one list; bytes that are not UTF-8 are replaced rather than refused (older lists are
    /// Latin-1, and such words are merely not matched).
    static func read(_ path: String) throws(PasswordWordListError) -> PasswordDictionary {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        return PasswordDictionary(wordListText: String(decoding: data, as: UTF8.self))
    }
}
