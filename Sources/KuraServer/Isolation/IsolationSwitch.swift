import Foundation
import KuraCore
import KuraStore
import Synchronization

/// Isolation mode (INC-3): in an incident — ransomware on the clinic network, a leaked
/// password — the operator cuts the server off with `kura isolate on`: it then answers only
/// clients on its own machine, and those only for reading, until `kura isolate off`.
///
/// The switch is a file in the data folder (`isolation.json`), so that it works while the
/// server runs and survives a restart; the running server looks at it at most once a second.
/// Both switches are ledger leaves.
public final class IsolationSwitch: Sendable {
    /// The flag file's name in the data folder.
    public static let fileName = "isolation.json"

    /// What the flag file says.
    public struct State: Codable, Sendable, Equatable {
        /// When isolation was switched on (ms since the epoch, UTC).
        public var since: Int64
    }

    let path: String
    private let cache = Mutex<(checkedAt: ContinuousClock.Instant, state: State?)?>(nil)

    /// The switch of the data folder `folder`.
    public init(dataDirectory folder: String) {
        path = "\(folder)/\(Self.fileName)"
    }

    /// The current state, read from the file at most once a second.
    public var state: State? {
        let now = ContinuousClock.now
        if let cached = cache.withLock({ $0 }), now - cached.checkedAt < .seconds(1) { return cached.state }
        let state = read()
        cache.withLock { $0 = (now, state) }
        return state
    }

    /// Whether the server is isolated now.
    public var isOn: Bool { state != nil }

    private func read() -> State? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        // A flag file that does not parse still isolates: failing closed is the point.
        return (try? JSONDecoder().decode(State.self, from: data)) ?? State(since: 0)
    }

    /// Switches isolation on or off and records the switch in the log; returns whether the
    /// state changed.
    @discardableResult
    public func set(_ on: Bool, store: some KuraStoreBackend, now: Date = Date()) async throws -> Bool {
        guard on != (read() != nil) else { return false }
        let milliseconds = Int64(now.timeIntervalSince1970 * 1000)
        if on {
            let bytes = try JSONEncoder().encode(State(since: milliseconds))
            try BackupWriter.writeSynced(Array(bytes), to: path + ".tmp")
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.moveItem(atPath: path + ".tmp", toPath: path)
        } else {
            try FileManager.default.removeItem(atPath: path)
        }
        try BackupWriter.syncFolder(PrivateFile.parentFolder(of: path))
        cache.withLock { $0 = nil }
        let events = LedgerEvents(clock: { milliseconds })
        let results = try await store.commit([
            WriteUnit([try events.append(kind: on ? "isolation.on" : "isolation.off")])
        ])
        if case .failure(let error) = results.first { throw error }
        return true
    }
}
