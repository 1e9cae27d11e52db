import KuraCore
import KuraStore
import Synchronization

/// The in-memory patient name index of one server (DESIGN "Search without plaintext
/// indexes"): built from decrypted names at start and kept current by every change made through
/// this server. Merged records are left out of searches.
///
/// Several servers on one database (issue 7) each hold their own index: when `catchesUp`, a
/// server reads, before each search, the patients changed since the newest change it has seen
/// (less ``overlap``), so a patient another server registered or renamed is found at once.
public final class PatientDirectory: Sendable {
    let index = Mutex(PatientNameIndex())
    let loaded = Atomic(false)
    /// The newest `updatedAt` seen in the store (the writing server's clock), nil before a load.
    let watermark = Mutex<Int64?>(nil)
    /// Whether other servers may change patients in the same database.
    let catchesUp: Bool

    /// How far back each catch-up reads before the newest change seen: a change made earlier
    /// but committed later, or stamped by a server whose clock is behind, is still read.
    static let overlap: Int64 = 10 * 60_000

    /// Creates an empty directory; searches answer "unavailable" until it is loaded. With
    /// `catchesUp`, changes made by other servers are read before each search.
    public init(catchesUp: Bool = false) {
        self.catchesUp = catchesUp
    }

    /// Where the next catch-up reads from, or nil when it need not.
    var catchUpStart: Int64? {
        guard catchesUp else { return nil }
        return watermark.withLock { $0.map { $0 - Self.overlap } }
    }

    /// Notes that the store holds changes up to `time`.
    func saw(_ time: Int64) {
        watermark.withLock { $0 = max($0 ?? time, time) }
    }

    /// Whether the start-up load finished.
    public var isLoaded: Bool { loaded.load(ordering: .acquiring) }

    /// Replaces the index with `patients` (id, kana, name) and marks the directory loaded.
    func load(_ patients: [(id: String, kana: String, name: String)]) {
        let built = PatientNameIndex(patients)
        index.withLock { $0 = built }
        loaded.store(true, ordering: .releasing)
    }

    /// Puts `patient` (with its opened demographics) in the index, or takes it out when merged.
    func update(_ patient: PatientRecord, demographics: PatientDemographics) {
        index.withLock { index in
            if patient.mergedInto == nil {
                index.upsert(id: patient.id, kana: demographics.kana, name: demographics.name)
            } else {
                index.remove(id: patient.id)
            }
        }
    }

    /// Ids whose kana starts with `prefix`.
    func search(kanaPrefix: String, limit: Int) -> [String] {
        index.withLock { $0.search(kanaPrefix: kanaPrefix, limit: limit) }
    }

    /// Ids whose name or kana contains `name`.
    func search(name: String, limit: Int) -> [String] {
        index.withLock { $0.search(name: name, limit: limit) }
    }

    /// The first `limit` of `ids` in kana order (merged records left out).
    func ordered(_ ids: [String], limit: Int) -> [String] {
        index.withLock { $0.ordered(ids, limit: limit) }
    }

    /// How many patients are indexed.
    public var count: Int { index.withLock { $0.count } }
}
