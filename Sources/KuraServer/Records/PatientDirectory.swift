import KuraCore
import KuraStore
import Synchronization

/// The in-memory patient name index of one server (DESIGN "Search without plaintext
/// indexes"): built from decrypted names at start and kept current by every change made through
/// this server. Merged records are left out of searches.
public final class PatientDirectory: Sendable {
    let index = Mutex(PatientNameIndex())
    let loaded = Atomic(false)

    /// Creates an empty directory; searches answer "unavailable" until it is loaded.
    public init() {}

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
