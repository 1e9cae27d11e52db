/// One access-log event as the reviews see it (AUD-1, AUD-4): opaque ids, words and a time, no
/// PHI. The server builds it from the stored audit event; KuraCore cannot see the store's type.
public struct AccessReviewEvent: Sendable, Hashable {
    /// The audit event id (`aud_…`).
    public var id: String
    /// When the request was answered (ms since the epoch, UTC).
    public var at: Int64
    /// The account that made the request, or `system` for the server's own reads.
    public var actor: String
    /// The action word (`chart.read`, `patient.search`, …).
    public var action: String
    /// Why access was allowed (`care-team`, `break-glass`, `role`, `system`).
    public var access: String
    /// Every patient whose data the response held.
    public var patientIDs: [String]

    /// Creates an event.
    public init(id: String, at: Int64, actor: String, action: String, access: String, patientIDs: [String]) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.access = access
        self.patientIDs = patientIDs
    }

    /// Whether the server made the read for itself (the emergency snapshot): no person opened
    /// anything, so the reviews leave it out and only count it.
    public var isSystemRead: Bool { access == "system" }
}
