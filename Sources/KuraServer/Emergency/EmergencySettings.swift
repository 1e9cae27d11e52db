/// Where and how long the daily emergency snapshot is kept (REC-3, BAK-3): the
/// `emergency.directory` and `emergency.keepDays` configuration keys.
public struct EmergencySettings: Sendable, Equatable {
    /// The folder the snapshots go to, off the server (a share or removable disk); nil turns
    /// the daily snapshot off.
    public var directory: String?
    /// How many days' snapshots are kept there (1…365, default 7).
    public var keepDays: Int

    /// Creates settings; the defaults turn the snapshot off.
    public init(directory: String? = nil, keepDays: Int = 7) {
        self.directory = directory
        self.keepDays = keepDays
    }
}
