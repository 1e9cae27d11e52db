/// What a request wants to do, as the access decision sees it (ACC-1, ACC-7).
///
/// Patient-scoped actions name a patient; the others act on the clinic, an account or the
/// actor's own account.
public enum AccessAction: String, Sendable, Hashable, CaseIterable {
    /// Read a patient's chart (demographics, entries, attachments).
    case readChart = "chart.read"
    /// Write a draft entry of one's own.
    case writeEntry = "entry.write"
    /// Finalise (確定) an entry.
    case finalizeEntry = "entry.finalize"
    /// Enter on behalf of a named physician (代行入力).
    case proxyEntry = "entry.proxy"
    /// Approve or reject a proxy entry made for oneself.
    case approveProxyEntry = "entry.approve-proxy"
    /// Export a patient's records.
    case exportRecords = "records.export"
    /// Register a patient or edit demographics.
    case registerPatient = "patient.register"
    /// Search patients (results are filtered per patient afterwards).
    case searchPatients = "patient.search"
    /// Open a patient outside one's care teams (break-glass).
    case breakGlass = "break-glass.open"
    /// Add, change, disable, reset and unlock accounts; revoke their sessions.
    case manageAccounts = "accounts.manage"
    /// Approve and revoke devices.
    case manageDevices = "devices.manage"
    /// Read and acknowledge the alert queue.
    case handleAlerts = "alerts.handle"
    /// Sign off the review queue (break-glass, resets, recovery-code sign-ins).
    case signOffReviews = "reviews.sign-off"
    /// Read the access log.
    case readAuditLog = "audit.read"
    /// Export the access log.
    case exportAuditLog = "audit.export"
    /// Manage one's own password, second factor, sessions and devices.
    case manageOwnAccount = "self.manage"
    /// Read the checklist, the registries and the sealed reports (issue 8).
    case readCompliance = "compliance.read"
    /// Keep the registries, answer the checklist's manual items and seal reports (GOV-1…4).
    case manageCompliance = "compliance.manage"

    /// Whether the action concerns one patient (and so a care team).
    public var isPatientScoped: Bool {
        switch self {
        case .readChart, .writeEntry, .finalizeEntry, .proxyEntry, .approveProxyEntry, .exportRecords, .breakGlass:
            true
        case .registerPatient, .searchPatients, .manageAccounts, .manageDevices, .handleAlerts, .signOffReviews,
            .readAuditLog, .exportAuditLog, .manageOwnAccount, .readCompliance, .manageCompliance:
            false
        }
    }

    /// Whether the action shows or changes PHI, so an unapproved device must not do it (INV-2).
    public var touchesPHI: Bool {
        switch self {
        case .readChart, .writeEntry, .finalizeEntry, .proxyEntry, .approveProxyEntry, .exportRecords, .breakGlass,
            .registerPatient, .searchPatients, .readAuditLog, .exportAuditLog:
            true
        case .manageAccounts, .manageDevices, .handleAlerts, .signOffReviews, .manageOwnAccount, .readCompliance,
            .manageCompliance:
            false
        }
    }
}
