import KuraCore
import KuraStore
import Logging
import ServiceLifecycle

/// Builds the patient name index at start (DESIGN "Search without plaintext indexes"): it
/// walks every patient, opens the demographics and indexes kana and name. It runs as a service
/// because the store's connections (PostgreSQL's client) serve only once the group runs.
struct PatientDirectoryLoader: Service {
    let records: RecordService
    let logger: Logger

    /// Patients read per round trip.
    static let pageSize = 1000

    func run() async throws {
        let start = ContinuousClock.now
        let count = try await records.loadDirectory(pageSize: Self.pageSize)
        logger.info(
            "patient index loaded",
            metadata: ["kura.patients": "\(count)", "kura.duration": "\(ContinuousClock.now - start)"])
        // A service that returns would end the group: wait for the shutdown instead.
        try? await gracefulShutdown()
    }
}

extension RecordService {
    /// Rebuilds the name index from every patient in the store (merged records left out) and
    /// marks it loaded; returns how many patients it holds.
    func loadDirectory(pageSize: Int = PatientDirectoryLoader.pageSize) async throws(RecordError) -> Int {
        var entries: [(id: String, kana: String, name: String)] = []
        var newest = Int64.min
        var after: String?
        while !Task.isCancelled {
            let page = try await read { () async throws(StoreError) in
                try await store.patients(after: after, limit: pageSize)
            }
            for patient in page {
                newest = max(newest, patient.updatedAt)
                guard patient.mergedInto == nil else { continue }
                let demographics = try demographics(of: patient)
                entries.append((patient.id, demographics.kana, demographics.name))
            }
            guard page.count == pageSize, let last = page.last else { break }
            after = last.id
        }
        directory.load(entries)
        if newest > Int64.min { directory.saw(newest) } else { directory.saw(clock()) }
        return entries.count
    }

    /// Reads the patients other servers changed since the newest change this server has seen
    /// (issue 7) and puts them in the index; a no-op for a server alone on its database.
    func catchUpDirectory(pageSize: Int = PatientDirectoryLoader.pageSize) async throws(RecordError) {
        guard var since = directory.catchUpStart else { return }
        while true {
            let start = since
            let page = try await read { () async throws(StoreError) in
                try await store.patients(updatedSince: start, limit: pageSize)
            }
            for patient in page {
                directory.update(patient, demographics: try demographics(of: patient))
                directory.saw(patient.updatedAt)
            }
            // A full page may end inside a run of equal times: go on from its last time.
            guard page.count == pageSize, let last = page.last, last.updatedAt > start else { return }
            since = last.updatedAt
        }
    }
}
