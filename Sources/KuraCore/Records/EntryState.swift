/// Where a clinical entry stands (REC-1, REC-2, ACC-6).
///
/// `draft` → `finalized` (確定); a proxy entry (代行入力) is `pendingApproval` until the named
/// physician approves (→ `finalized`) or rejects it (→ `rejected`); a finalized entry never
/// changes: an amendment is a new version (`amended`, itself final) and so is `enteredInError`.
public enum EntryState: String, Sendable, Hashable, CaseIterable {
    /// Still being written by its author; may change without a reason.
    case draft
    /// Written on behalf of a physician, waiting for that physician.
    case pendingApproval = "pending-approval"
    /// Final.
    case finalized
    /// Final, replaced by a later version with a reason.
    case amended
    /// Marked as written in error (kept, shown struck through).
    case enteredInError = "entered-in-error"
    /// A proxy entry the physician rejected (kept, never final).
    case rejected

    /// Whether the content is final: it may change only by a new version with a reason.
    public var isFinal: Bool {
        switch self {
        case .finalized, .amended, .enteredInError: true
        case .draft, .pendingApproval, .rejected: false
        }
    }
}
