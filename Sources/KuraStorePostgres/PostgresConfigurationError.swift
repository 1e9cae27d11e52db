/// Why a PostgreSQL connection URL was refused.
///
/// Cases carry only fixed words and option names, never the URL, a value or the password, so the
/// error can be logged and shown as it is (STYLE 4).
public enum PostgresConfigurationError: Error, Sendable, Equatable {
    /// The URL does not start with `postgres://` or `postgresql://`.
    case unsupportedScheme
    /// A required part is missing: "user", "host" or "database".
    case missing(String)
    /// A part is malformed: "host", "port", "user", "password", "database" or "fragment".
    case invalid(String)
    /// An option Kura does not know (only `sslmode` and `sslrootcert` are accepted).
    case unknownOption(String)
    /// An option given twice.
    case repeatedOption(String)
    /// An option with an empty or unsupported value, or one that contradicts another option.
    case invalidOptionValue(String)
}

extension PostgresConfigurationError: CustomStringConvertible {
    /// A message naming the faulty part, never its value.
    public var description: String {
        let form = "postgres://user[:password]@host[:port]/database?sslmode=disable|require"
        return switch self {
        case .unsupportedScheme: "the database URL must start with postgres:// (\(form))"
        case .missing(let part): "the database URL has no \(part) (\(form))"
        case .invalid(let part): "the database URL has a malformed \(part)"
        case .unknownOption(let name): "the database URL has an unknown option \(name)"
        case .repeatedOption(let name): "the database URL repeats the option \(name)"
        case .invalidOptionValue(let name): "the database URL has an invalid value for \(name)"
        }
    }
}
