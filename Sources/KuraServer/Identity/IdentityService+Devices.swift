import KuraCore
import KuraStore

/// A device as administrators and its users see it.
public struct DeviceView: Sendable, Equatable, Codable {
    /// The opaque id.
    public var id: String
    /// The account that first signed in on it.
    public var ownerAccountID: String
    /// First and last seen (ms since the epoch).
    public var firstSeenAt: Int64
    /// Last seen.
    public var lastSeenAt: Int64
    /// The user agent.
    public var userAgent: String
    /// `unknown`, `clinic` or `byod`.
    public var ownership: String
    /// `pending`, `approved` or `revoked`.
    public var status: String
    /// Who approved or revoked it, and when.
    public var decidedBy: String?
    /// When.
    public var decidedAt: Int64?

    init(_ record: DeviceRecord) {
        self.id = record.id
        self.ownerAccountID = record.ownerAccountID
        self.firstSeenAt = record.firstSeenAt
        self.lastSeenAt = record.lastSeenAt
        self.userAgent = record.userAgent
        self.ownership = record.ownership.rawValue
        self.status = record.status.rawValue
        self.decidedBy = record.decidedBy
        self.decidedAt = record.decidedAt
    }
}

extension IdentityService {
    /// The device a sign-in comes from: the one its cookie names, or a new one (pending
    /// approval, with an alert) when the browser has none we know. Returns the writes a new
    /// device needs, to commit with the session.
    func resolveDevice(
        token: String?, owner: String, userAgent: String
    ) async throws(IdentityError) -> (
        record: DeviceRecord, token: String, writes: [StoreWrite]
    ) {
        let now = clock()
        let agent = String(userAgent.prefix(StoreWrite.maxUserAgentLength))
        if let token, OpaqueToken.isWellFormed(token),
            let known = try await read({ () async throws(StoreError) in
                try await store.device(tokenHash: OpaqueToken.hash(token))
            })
        {
            var seen = known
            seen.lastSeenAt = now
            seen.userAgent = agent
            seen.revision += 1
            // Best effort: two sign-ins on one shared PC may race here; either time will do.
            do throws(IdentityError) {
                try await commit([.putDevice(seen, expectedRevision: known.revision)])
                return (seen, token, [])
            } catch {
                if case .conflict = error { return (known, token, []) }
                throw error
            }
        }
        let newToken = OpaqueToken.make(using: random)
        let approved = !settings.deviceApprovalRequired
        let device = DeviceRecord(
            id: OpaqueToken.id("dev", using: random), tokenHash: OpaqueToken.hash(newToken), ownerAccountID: owner,
            revision: 1, firstSeenAt: now, lastSeenAt: now, userAgent: agent, ownership: .unknown,
            status: approved ? .approved : .pending, decidedBy: approved ? "policy" : nil,
            decidedAt: approved ? now : nil)
        let writes: [StoreWrite] = [
            .putDevice(device, expectedRevision: nil),
            try leaf("device.registered", actor: .account(id: owner), ["device": .string(device.id)]),
            alert("device.new", subject: owner, ref: device.id),
        ]
        return (device, newToken, writes)
    }

    /// Every device, newest first.
    public func listDevices() async throws(IdentityError) -> [DeviceView] {
        try await read { () async throws(StoreError) in try await store.devices() }.map(DeviceView.init)
    }

    /// The devices `accountID` first signed in on.
    public func devices(of accountID: String) async throws(IdentityError) -> [DeviceView] {
        try await read { () async throws(StoreError) in try await store.devices() }
            .filter { $0.ownerAccountID == accountID }.map(DeviceView.init)
    }

    /// Approves device `id` so it may see PHI (INV-2, DEV-2), recording who owns it.
    public func approveDevice(
        _ id: String, ownership: DeviceOwnership, by actor: Actor
    ) async throws(IdentityError)
        -> DeviceView
    {
        try await decideDevice(id, by: actor, event: "device.approved") { device throws(IdentityError) in
            guard device.status == .pending else { throw .conflict("only a pending device can be approved") }
            device.status = .approved
            device.ownership = ownership
        }
    }

    /// Revokes device `id` at once (a lost tablet): its sessions end and it never signs in again.
    public func revokeDevice(_ id: String, by actor: Actor) async throws(IdentityError) -> DeviceView {
        try await decideDevice(
            id, by: actor, event: "device.revoked", extra: [.endDeviceSessions(deviceID: id, at: clock())]
        ) {
            device throws(IdentityError) in
            guard device.status != .revoked else { throw .conflict("the device is already revoked") }
            device.status = .revoked
        }
    }

    func decideDevice(
        _ id: String, by actor: Actor, event: String, extra: [StoreWrite] = [],
        _ change: (inout DeviceRecord) throws(IdentityError) -> Void
    ) async throws(IdentityError) -> DeviceView {
        guard let stored = try await read({ () async throws(StoreError) in try await store.device(id: id) }) else {
            throw .notFound("device")
        }
        var device = stored
        try change(&device)
        device.decidedBy = actor.ledgerName
        device.decidedAt = clock()
        device.revision += 1
        try await commit(
            [.putDevice(device, expectedRevision: stored.revision)] + extra
                + [try leaf(event, actor: actor, ["device": .string(id)])])
        return DeviceView(device)
    }
}
