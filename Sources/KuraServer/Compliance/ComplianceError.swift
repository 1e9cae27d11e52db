/// Why a compliance request was refused; messages name fields and opaque ids, never a value.
public enum ComplianceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input is malformed (422).
    case invalid(String)
    /// No such registry entry, answer, item or report (404).
    case notFound(String)
    /// The entry changed since it was read (409).
    case conflict(String)
    /// The actor may not do this (403).
    case forbidden
    /// The store or the keys failed (503).
    case unavailable(String)

    /// A message safe to show and log.
    public var description: String {
        switch self {
        case .invalid(let why): "invalid: \(why)"
        case .notFound(let what): "not found: \(what)"
        case .conflict(let what): "conflict: \(what)"
        case .forbidden: "forbidden"
        case .unavailable(let why): "unavailable: \(why)"
        }
    }
}
