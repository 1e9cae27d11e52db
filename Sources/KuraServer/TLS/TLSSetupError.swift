#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the TLS certificate or configuration could not be made or loaded; messages name files, never keys.
public enum TLSSetupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A certificate or key file does not exist.
    case missingFile(path: String)
    /// A private key file is accessible by others (generated keys: by group or others).
    case insecurePermissions(path: String, mode: UInt32)
    /// The path is not a regular file.
    case notARegularFile(path: String)
    /// The file is far larger than any certificate or key.
    case tooLarge(path: String)
    /// The file holds no readable PEM certificate.
    case invalidCertificate(path: String)
    /// The file holds no readable unencrypted PEM private key.
    case invalidPrivateKey(path: String)
    /// The private key is not the key of the (leaf) certificate.
    case keyDoesNotMatchCertificate(certificatePath: String, privateKeyPath: String)
    /// The generated certificate exists without its key; remove the folder to make a new pair.
    case incompleteSelfSignedFiles(folder: String)
    /// A host name for the certificate is neither a DNS name nor an IP address.
    case invalidHostName(String)
    /// Building or signing the certificate failed.
    case certificateCreationFailed
    /// NIOSSL refused the configuration.
    case configurationRefused
    /// A system call failed.
    case io(path: String, operation: String, errno: Int32)

    /// One line naming the file and the problem.
    public var description: String {
        switch self {
        case .missingFile(let path): "TLS file \(path) does not exist"
        case .insecurePermissions(let path, let mode):
            "TLS private key \(path) is accessible by others (mode \(String(mode & 0o777, radix: 8))); "
                + "run: chmod 600 \(path)"
        case .notARegularFile(let path): "TLS file \(path) is not a regular file"
        case .tooLarge(let path): "TLS file \(path) is too large"
        case .invalidCertificate(let path): "TLS file \(path) does not hold a PEM certificate"
        case .invalidPrivateKey(let path): "TLS file \(path) does not hold an unencrypted PEM private key"
        case .keyDoesNotMatchCertificate(let certificatePath, let privateKeyPath):
            "TLS private key \(privateKeyPath) does not belong to certificate \(certificatePath)"
        case .incompleteSelfSignedFiles(let folder):
            "\(folder) holds a certificate without its private key; remove the folder to make a new pair"
        case .invalidHostName(let name): "\(name) is not a valid host name or IP address for the certificate"
        case .certificateCreationFailed: "creating the self-signed certificate failed"
        case .configurationRefused: "the TLS library refused the certificate or key"
        case .io(let path, let operation, let code):
            "TLS file \(path): \(operation) failed: \(String(cString: strerror(code)))"
        }
    }
}
