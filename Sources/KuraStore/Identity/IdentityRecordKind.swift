/// The identity records that `put…` and insert writes store, named in their refusals.
public enum IdentityRecordKind: String, Sendable, CaseIterable {
    case account
    case session
    case device
    case breakGlassGrant = "break-glass grant"
    case queueItem = "queue item"
}

extension StoreError {
    // The fixed refusals of the identity writes, shared so that every backend refuses alike and
    // no message can name a login, token hash or other value (STYLE 4).

    /// An insert whose id or unique key (login, token hash) is already stored.
    public static func duplicate(_ kind: IdentityRecordKind) -> StoreError {
        .constraintViolation("\(kind.rawValue): the id or a unique key is already stored")
    }

    /// An update whose record is missing or not at the expected revision (compare-and-swap lost).
    public static func staleRevision(_ kind: IdentityRecordKind) -> StoreError {
        .conflict("\(kind.rawValue): not at the expected revision")
    }

    /// A `consumeRecoveryCode` with no unused code of that hash for the account.
    public static let recoveryCodeNotFound = StoreError.notFound("recovery code")

    /// A `claimOnce` of a step that was claimed before.
    public static let alreadyClaimed = StoreError.conflict("the one-time step was claimed before")
}
