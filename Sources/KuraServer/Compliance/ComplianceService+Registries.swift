import KuraCore
import KuraStore

/// One registry entry as read: its current values and where its history stands.
public struct RegistryEntry: Sendable, Equatable {
    /// The entry (`cmp_…`).
    public var id: String
    /// Its registry.
    public var registry: RegistryID
    /// Its newest version.
    public var version: Int64
    /// Whether it was taken off the registry (its history stays).
    public var withdrawn: Bool
    /// Its values by field key (only fields with a value).
    public var values: [String: String]
    /// When the newest version was recorded (ms, UTC).
    public var recordedAt: Int64
    /// Who recorded it (an account id or `console`).
    public var author: String

    /// The value naming the entry in lists.
    public var title: String { values[registry.titleField] ?? id }
}

/// The sealed body of a registry entry.
struct RegistryBody: Codable {
    var values: [String: String]
}

extension ComplianceService {
    /// The current entries of `registry`, withdrawn ones left out unless asked for, by
    /// recording time, newest first.
    public func entries(
        _ registry: RegistryID, includingWithdrawn: Bool = false
    ) async throws(ComplianceError) -> [RegistryEntry] {
        let heads = try await read { () async throws(StoreError) in try await store.complianceHeads(kind: registry.kind)
        }
        var entries: [RegistryEntry] = []
        for head in heads where includingWithdrawn || head.state != "withdrawn" {
            entries.append(try entry(head, registry: registry))
        }
        return entries.sorted { ($0.recordedAt, $0.id) > ($1.recordedAt, $1.id) }
    }

    /// The entry `id` of `registry` at its newest version.
    public func entry(_ registry: RegistryID, id: String) async throws(ComplianceError) -> RegistryEntry {
        guard let head = try await history(id).last, head.kind == registry.kind else {
            throw .notFound("registry entry")
        }
        return try entry(head, registry: registry)
    }

    /// Every version of document `id`, oldest first.
    func history(_ id: String) async throws(ComplianceError) -> [ComplianceVersion] {
        guard StoreWrite.isOpaqueID(id) else { return [] }
        return try await read { () async throws(StoreError) in try await store.complianceVersions(objectID: id) }
    }

    /// Adds an entry (`id` nil) or records a new version of entry `id`, which must be at
    /// `expectedVersion`; `values` are checked against the registry's fields. GOV-1…4, INV-1,
    /// INC-1, PRIV-2: every change is a version bound to a ledger leaf.
    public func save(
        _ registry: RegistryID, id: String?, expectedVersion: Int64?, values: [String: String],
        by actor: Authenticated
    ) async throws(ComplianceError) -> RegistryEntry {
        try Self.require(actor, .manageCompliance)
        let checked = try Self.check(values, against: registry)
        let (objectID, version) = try await nextVersion(registry, id: id, expectedVersion: expectedVersion)
        let body = try Self.encode(RegistryBody(values: checked))
        let stored = try await write(
            objectID: objectID, version: version, kind: registry.kind, state: "current", body: body, sealed: true,
            actor: actor.actor)
        return try entry(stored, registry: registry)
    }

    /// Takes entry `id` off its registry with a new version that keeps its values.
    public func withdraw(
        _ registry: RegistryID, id: String, expectedVersion: Int64, by actor: Authenticated
    ) async throws(ComplianceError) -> RegistryEntry {
        try Self.require(actor, .manageCompliance)
        let current = try await entry(registry, id: id)
        guard !current.withdrawn else { throw .conflict("the entry is withdrawn already") }
        let (objectID, version) = try await nextVersion(registry, id: id, expectedVersion: expectedVersion)
        let stored = try await write(
            objectID: objectID, version: version, kind: registry.kind, state: "withdrawn",
            body: try Self.encode(RegistryBody(values: current.values)), sealed: true, actor: actor.actor)
        return try entry(stored, registry: registry)
    }

    /// The id and version the next write of an entry takes.
    func nextVersion(
        _ registry: RegistryID, id: String?, expectedVersion: Int64?
    ) async throws(ComplianceError) -> (String, Int64) {
        guard let id else { return (records.newID("cmp_"), 1) }
        guard let head = try await history(id).last, head.kind == registry.kind else {
            throw .notFound("registry entry")
        }
        guard let expectedVersion else { throw .invalid("version is required to change an entry") }
        guard head.version == expectedVersion else { throw .conflict("the entry changed since it was read") }
        return (id, head.version + 1)
    }

    /// `values` checked against `registry`'s fields: unknown keys and bad values are refused.
    static func check(
        _ values: [String: String], against registry: RegistryID
    ) throws(ComplianceError) -> [String: String] {
        let fields = registry.fields
        if let unknown = values.keys.sorted().first(where: { key in !fields.contains { $0.key == key } }) {
            throw .invalid("\(registry.rawValue) has no field \(unknown.prefix(40))")
        }
        var checked: [String: String] = [:]
        for field in fields {
            switch field.normalized(values[field.key]) {
            case .success(let value): checked[field.key] = value
            case .failure(let error): throw error
            }
        }
        return checked
    }

    /// Decodes a head into an entry.
    func entry(_ version: ComplianceVersion, registry: RegistryID) throws(ComplianceError) -> RegistryEntry {
        let body = try body(of: version)
        guard let decoded = RecordJSON.decode(RegistryBody.self, from: body) else {
            throw .unavailable("a registry entry does not decode")
        }
        return RegistryEntry(
            id: version.objectID, registry: registry, version: version.version, withdrawn: version.state == "withdrawn",
            values: decoded.values, recordedAt: version.recordedAt, author: version.author)
    }

    /// The sorted-key JSON of a document.
    static func encode(_ value: some Encodable) throws(ComplianceError) -> [UInt8] {
        do {
            return try RecordJSON.encode(value)
        } catch {
            throw .unavailable("a document could not be encoded")
        }
    }
}
