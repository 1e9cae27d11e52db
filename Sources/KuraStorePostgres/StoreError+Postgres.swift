import KuraStore
import PostgresNIO

extension StoreError {
    /// Reduces a driver error to a ``StoreError`` that names only SQLSTATE codes, constraint names
    /// and fixed words: never the server's message, detail or hint (they quote values) nor the
    /// query's binds (STYLE 4).
    init(postgres error: any Error) {
        switch error {
        case let error as StoreError:
            self = error
        case let error as PSQLError:
            self = Self(psql: error)
        case is CancellationError:
            self = .backend("cancelled")
        case is PostgresDecodingError:
            self = .corrupt("a stored column has an unexpected type or size")
        default:
            // The pool's ConnectionPoolError (shut down, circuit breaker tripped, request
            // cancelled) lives in postgres-nio's underscored module; recognise it by name rather
            // than depend on that module.
            let type = String(reflecting: Swift.type(of: error))
            if type.hasSuffix(".ConnectionPoolError") {
                self = .unavailable("the connection pool could not provide a connection")
            } else {
                self = .backend("unexpected driver error \(type)")
            }
        }
    }

    private init(psql error: PSQLError) {
        guard error.code == .server else {
            switch error.code {
            case .queryCancelled, .tooManyParameters, .invalidCommandTag, .messageDecodingFailure,
                .unexpectedBackendMessage, .listenFailed, .unlistenFailed:
                self = .backend(error.code.description)
            default:
                // Connection, TLS, authentication and pool failures.
                self = .unavailable(error.code.description)
            }
            return
        }
        let state = error.serverInfo?[.sqlState] ?? "?????"
        var what = "SQLSTATE \(state)"
        if let constraint = error.serverInfo?[.constraintName] {
            // Constraint names are schema identifiers (our migrations), not data.
            what += " (\(constraint))"
        }
        self = Self(sqlState: state, what: what)
    }

    /// Maps a SQLSTATE (PostgreSQL Appendix A, "Error Codes") to a case.
    init(sqlState state: String, what: String) {
        switch state {
        case "40001", "40P01":  // serialization_failure, deadlock_detected
            self = .conflict(what)
        case "57P01", "57P02", "57P03", "3D000":  // shutdowns, cannot_connect_now, invalid_catalog_name
            self = .unavailable(what)
        case "XX001":  // data_corrupted: raised by a migration that refuses a damaged ledger
            self = .corrupt(what)
        default:
            switch state.prefix(2) {
            case "23": self = .constraintViolation(what)  // integrity_constraint_violation
            case "08", "28", "53": self = .unavailable(what)  // connection, authorization, resources
            default: self = .backend(what)
            }
        }
    }
}
