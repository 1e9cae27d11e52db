/// The records that `put…` and insert writes store, named in their refusals.
public enum StoredRecordKind: String, Sendable, CaseIterable {
    case account
    case session
    case device
    case breakGlassGrant = "break-glass grant"
    case queueItem = "queue item"
    case patient
    case careTeamMember = "care team member"
    case patientList = "patient list"
    case entry
    case recordVersion = "record version"
    case auditEvent = "audit event"
    case attachment
    case complianceVersion = "compliance version"
}

extension StoreError {
    // The fixed refusals of the identity and record writes, shared so that every backend refuses alike and
    // no message can name a login, token hash or other value (STYLE 4).

    /// An insert whose id or unique key (login, token hash) is already stored.
    public static func duplicate(_ kind: StoredRecordKind) -> StoreError {
        .constraintViolation("\(kind.rawValue): the id or a unique key is already stored")
    }

    /// An update whose record is missing or not at the expected revision (compare-and-swap lost).
    public static func staleRevision(_ kind: StoredRecordKind) -> StoreError {
        .conflict("\(kind.rawValue): not at the expected revision")
    }

    /// A `consumeRecoveryCode` with no unused code of that hash for the account.
    public static let recoveryCodeNotFound = StoreError.notFound("recovery code")

    /// A `claimOnce` of a step that was claimed before.
    public static let alreadyClaimed = StoreError.conflict("the one-time step was claimed before")

    /// A unit whose version, audit event, attachment or compliance version has no leaf appended
    /// before it.
    public static let unboundWrite = StoreError.constraintViolation(
        "a version, audit event, attachment or compliance version needs its leaf appended first"
    )

    /// A `removeCareTeamMember` for an account not on the team.
    public static let careTeamMemberNotFound = StoreError.notFound("care team member")
}
