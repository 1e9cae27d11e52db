/// Where and how to reach the PostgreSQL database, parsed from a connection URL.
///
/// The accepted form is `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?OPTIONS]` (also
/// `postgresql://`), a strict subset of libpq's URI syntax: user, host and database are required,
/// user, password and database may be percent-encoded, an IPv6 host is written in brackets. The
/// options are:
/// - `sslmode=require` (the default): TLS, with the server certificate verified against the
///   system trust roots, or against `sslrootcert` when given. Unlike libpq's `require`, which
///   encrypts without verifying, Kura never sends clinical data to an unauthenticated server.
/// - `sslmode=disable`: no TLS; for a database on the same host or the test cluster only.
/// - `sslrootcert=PATH`: a PEM file of CA certificates that replaces the system roots.
///
/// Any other option, a repeated option or an empty value is an error, so a typo never silently
/// weakens the connection. The password is never part of ``description`` or of any error.
public struct PostgresConfiguration: Sendable, Equatable {
    /// Whether the connection to the database is encrypted.
    public enum TLSMode: String, Sendable, Equatable {
        /// Plain TCP (`sslmode=disable`).
        case disable
        /// TLS with certificate verification (`sslmode=require`).
        case require
    }

    /// The database host name or IP address (without brackets).
    public var host: String
    /// The TCP port (5432 unless given).
    public var port: Int
    /// The database role to log in as.
    public var username: String
    /// The role's password, or nil for trust or certificate authentication. Secret.
    public var password: String?
    /// The database name.
    public var database: String
    /// Whether to use TLS.
    public var tlsMode: TLSMode
    /// A PEM file of trusted CA certificates for TLS, or nil for the system roots.
    public var rootCertificatePath: String?
    /// The most connections the store's pool opens (postgres-nio's default is 20).
    public var maximumConnections: Int = 20

    /// Creates a configuration from its parts.
    public init(
        host: String,
        port: Int = 5432,
        username: String,
        password: String?,
        database: String,
        tlsMode: TLSMode = .require,
        rootCertificatePath: String? = nil
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tlsMode = tlsMode
        self.rootCertificatePath = rootCertificatePath
    }
}

extension PostgresConfiguration: CustomStringConvertible {
    /// The URL without the password, fit for logs and error messages.
    public var description: String {
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        var text = "postgres://\(Self.encode(username))@\(host):\(port)/\(Self.encode(database))"
        text += "?sslmode=\(tlsMode.rawValue)"
        if rootCertificatePath != nil { text += "&sslrootcert=…" }
        return text
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters (section 2.3).
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(digits[Int(byte >> 4)])
                out.unicodeScalars.append(digits[Int(byte & 0x0f)])
            }
        }
        return out
    }
}

extension PostgresConfiguration: CustomReflectable {
    /// A mirror without the password, so `dump` and debuggers do not print it either.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "host": host,
                "port": port,
                "username": username,
                "password": password == nil ? "none" : "<secret>",
                "database": database,
                "tlsMode": tlsMode,
                "rootCertificatePath": rootCertificatePath as Any,
                "maximumConnections": maximumConnections,
            ]
        )
    }
}
