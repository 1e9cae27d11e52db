/// The built-in reviews of the access log that the planning manager (企画管理者, an auditor in
/// Kura) runs periodically and signs off (AUD-4; 企画管理編 5.3). Each looks at one period of the
/// log and lists findings for a person to judge: a finding is a question, not an accusation.
public enum AccessReviewTask: String, Sendable, Hashable, CaseIterable, Codable {
    /// Access outside the clinic's opening hours or on its closed days. Home-care clinics visit
    /// at night, so most findings will have a reason; the review asks for it.
    case offHours = "off-hours"
    /// One account opening more distinct patients in one JST day than the policy's threshold.
    case massAccess = "mass-access"
    /// Any access to a patient flagged as a staff member, a staff member's relative or a VIP.
    case staffPatients = "staff-patients"
    /// Every access allowed by a break-glass grant (ACC-7: flagged in audit, reviewed after).
    case breakGlass = "break-glass"
}

/// Why a patient's chart is watched by the `staff-patients` review (AUD-4). The flag is an input
/// the administrator keeps; nothing here guesses who is staff.
public enum PatientFlagKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// The patient is a member of the clinic's staff.
    case staff
    /// The patient is a relative of a member of staff.
    case relative
    /// The patient is a public figure or otherwise needs extra discretion.
    case vip
}
