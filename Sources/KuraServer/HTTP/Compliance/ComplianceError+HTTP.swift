extension ComplianceError {
    /// The identity refusal the API and the pages answer with: the same codes, statuses and
    /// bilingual messages as every other refusal (the OpenAPI document's `Error`).
    var identityError: IdentityError {
        switch self {
        case .invalid(let why): .invalidInput(why)
        case .notFound(let what): .notFound(what)
        case .conflict(let what): .conflict(what)
        case .forbidden: .forbidden("compliance")
        case .unavailable(let why): .unavailable(why)
        }
    }
}
