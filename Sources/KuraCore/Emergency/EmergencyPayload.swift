/// The plaintext of one emergency page: a patient summary or the day's index, with when it was
/// made and the log size it was made at, as RFC 8785 canonical JSON (REC-3).
///
/// Format 1, the members the page's script reads:
///
/// | member | value |
/// |---|---|
/// | `v` | 1 |
/// | `type` | `patient` or `index` |
/// | `generatedAt` | JST text, `2027-01-15 09:30` |
/// | `generatedAtMs` | the same instant, ms since the epoch (UTC) |
/// | `checkpointSize` | the tree size of the embedded checkpoint, or null before the first |
/// | `patient`, `allergies`, `problems`, `medications`, `entries` | a patient page (``EmergencySummary``) |
/// | `patients` | an index page (``EmergencyIndex``) |
public struct EmergencyPayload: Sendable, Equatable {
    /// What the page shows.
    public enum Content: Sendable, Equatable {
        /// One patient's summary.
        case patient(EmergencySummary)
        /// The day's index.
        case index(EmergencyIndex)
    }

    /// The format version written as `v`.
    public static let version: Int64 = 1

    /// What the page shows.
    public var content: Content
    /// When the snapshot was made, ms since the epoch (UTC).
    public var generatedAt: Int64
    /// The tree size of the checkpoint embedded beside it, if any.
    public var checkpointSize: UInt64?

    /// Creates a payload.
    public init(content: Content, generatedAt: Int64, checkpointSize: UInt64?) {
        self.content = content
        self.generatedAt = generatedAt
        self.checkpointSize = checkpointSize
    }

    /// The canonical JSON value.
    public var json: CanonicalJSON {
        var members: [String: CanonicalJSON]
        let type: String
        switch content {
        case .patient(let summary):
            type = "patient"
            guard case .object(let body) = summary.json else { preconditionFailure("a summary is an object") }
            members = body
        case .index(let index):
            type = "index"
            guard case .object(let body) = index.json else { preconditionFailure("an index is an object") }
            members = body
        }
        members["v"] = .integer(Self.version)
        members["type"] = .string(type)
        members["generatedAt"] = .string(Self.japanTimeText(generatedAt))
        members["generatedAtMs"] = .integer(generatedAt)
        // A tree size beyond 2^53 cannot happen (a leaf per write), but it must not trap either.
        members["checkpointSize"] = checkpointSize.map { .integer(Int64(clamping: $0)) } ?? .null
        return .object(members)
    }

    /// The bytes that are encrypted.
    public func bytes() throws(EmergencyError) -> [UInt8] {
        do {
            return try json.canonicalBytes()
        } catch {
            throw .encodingFailed
        }
    }

    /// `2027-01-15 09:30` in Japan Standard Time (UTC+9, no daylight saving) for `milliseconds`
    /// since the epoch; times outside years 1…9999 show as `—`.
    public static func japanTimeText(_ milliseconds: Int64) -> String {
        // 0001-01-01 00:00 JST … 9999-12-31 23:59 JST: the dates CivilDate holds.
        let offset: Int64 = 9 * 3_600_000
        guard milliseconds >= -62_135_596_800_000 - offset, milliseconds <= 253_402_300_799_999 - offset,
            let time = try? CanonicalTime(epochMilliseconds: milliseconds)
        else { return "—" }
        let date = CivilDate(japanStandardTime: time)
        let millisecondsPerDay: Int64 = 86_400_000
        var inDay = (milliseconds + offset) % millisecondsPerDay
        if inDay < 0 { inDay += millisecondsPerDay }
        let minutes = Int(inDay / 60_000)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date) \(two(minutes / 60)):\(two(minutes % 60))"
    }
}
