/// Whether a paper document was scanned in time (SCAN-3): 企Q-59 asks for scanning within a set
/// period after the document is made or received, "in principle within one (business) day".
public enum ScanTimeliness: Hashable, Sendable {
    /// Scanned within the allowed number of business days after receipt.
    case timely
    /// Scanned this many business days after receipt, more than allowed: raise an alert.
    case late(businessDays: Int)
    /// The scan date is before the receipt date: the record is inconsistent and is refused.
    case scannedBeforeReceipt

    /// Checks a scan against its receipt, both as civil dates in Japan Standard Time.
    ///
    /// Business days are counted strictly after `received` up to and including `scanned`
    /// (``ClinicCalendar/businessDays(from:to:)``), so a scan on the day of receipt counts 0 and
    /// one on the next business day counts 1. Days the clinic is closed do not count.
    /// - Parameter allowedBusinessDays: the clinic's period; the guideline's default is 1.
    public static func check(
        received: CivilDate,
        scanned: CivilDate,
        calendar: ClinicCalendar,
        allowedBusinessDays: Int = 1
    ) -> ScanTimeliness {
        guard scanned >= received else { return .scannedBeforeReceipt }
        let elapsed = calendar.businessDays(from: received, to: scanned)
        return elapsed <= allowedBusinessDays ? .timely : .late(businessDays: elapsed)
    }
}
