import KuraCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the root keys could not be loaded or created; messages name the file, never its contents.
public enum KeySourceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A configured key file does not exist (configured files are never created).
    case missing(path: String)
    /// The key file can be read or written by group or others; the server refuses to use it.
    case insecurePermissions(path: String, mode: UInt32)
    /// The path is not a regular file (a directory, FIFO, device, …).
    case notARegularFile(path: String)
    /// The file is far larger than any key file.
    case tooLarge(path: String)
    /// The key file belongs to another clinic.
    case clinicMismatch(path: String, expected: String, found: String)
    /// The key file could not be parsed or opened.
    case keyFile(path: String, KeyFileError)
    /// A system call failed.
    case io(path: String, operation: String, errno: Int32)

    /// One line naming the path and what to do.
    public var description: String {
        switch self {
        case .missing(let path):
            "key file \(path) does not exist"
        case .insecurePermissions(let path, let mode):
            "key file \(path) is accessible by group or others (mode \(String(mode & 0o777, radix: 8))); "
                + "run: chmod 600 \(path)"
        case .notARegularFile(let path):
            "key file \(path) is not a regular file"
        case .tooLarge(let path):
            "key file \(path) is too large to be a Kura key file"
        case .clinicMismatch(let path, let expected, let found):
            "key file \(path) belongs to clinic \(found), not \(expected)"
        case .keyFile(let path, let error):
            "key file \(path): \(error)"
        case .io(let path, let operation, let code):
            "key file \(path): \(operation) failed: \(String(cString: strerror(code)))"
        }
    }
}
