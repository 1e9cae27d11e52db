/// Why the configured password word list could not be used; names the path only.
public enum PasswordWordListError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file is missing, is a folder, or cannot be read.
    case unreadable(path: String)

    /// Names the path and what to do.
    public var description: String {
        switch self {
        case .unreadable(let path): "password word list \(path) is missing or not readable"
        }
    }
}
