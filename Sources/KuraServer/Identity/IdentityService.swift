import Crypto
import KuraCore
import KuraStore
import Logging

/// Accounts, sign-in, sessions, devices, break-glass and the alert and review queues: every
/// rule of the guideline's §2.2–2.3 that the server enforces, in one place the routes, the
/// command line and the tests all call.
///
/// Every change is one write unit: the record change **and** its ledger leaf commit together
/// (DESIGN "Writes"), so nothing happens to an account unseen (AUD-1, AUD-2). Leaf details hold
/// opaque ids and fixed words only.
public struct IdentityService: Sendable {
    let store: any IdentityStore
    let submitter: any UnitSubmitter
    let events: LedgerEvents
    let keys: ClinicKeyMaterial
    let hasher: PasswordHasher
    let dictionary: PasswordDictionary?
    let settings: IdentitySettings
    let random: any RandomBytesSource
    let clock: @Sendable () -> Int64
    let setupCodeDigest: @Sendable () -> String?
    let limiter: LoginRateLimiter
    let logger: Logger

    /// Creates the service.
    ///
    /// - Parameter setupCodeDigest: reads the hex SHA-256 of the one-time setup code (nil when
    ///   there is none, as on a server that did not create the data folder).
    public init(
        store: any IdentityStore,
        submitter: any UnitSubmitter,
        events: LedgerEvents,
        keys: ClinicKeyMaterial,
        hasher: PasswordHasher,
        dictionary: PasswordDictionary?,
        settings: IdentitySettings,
        random: any RandomBytesSource,
        clock: @escaping @Sendable () -> Int64,
        setupCodeDigest: @escaping @Sendable () -> String?,
        logger: Logger
    ) {
        self.store = store
        self.submitter = submitter
        self.events = events
        self.keys = keys
        self.hasher = hasher
        self.dictionary = dictionary
        self.settings = settings
        self.random = random
        self.clock = clock
        self.setupCodeDigest = setupCodeDigest
        self.limiter = LoginRateLimiter(attemptsPerMinute: settings.loginAttemptsPerMinute)
        self.logger = logger
    }

    /// The ring that opens sealed identity fields.
    var keyRing: KeyRing { KeyRing(keys.keyEncryptionKey) }

    /// Seals `bytes` as field `field` of object `objectID` (ENC-1). Identity objects keep one
    /// version of each field, so the context's version is always 1.
    func seal(bytes: [UInt8], objectID: String, field: String) throws(IdentityError) -> [UInt8] {
        let context = FieldContext(clinicID: keys.clinicID, objectID: objectID, field: field, version: 1)
        do {
            return try EncryptedField.seal(bytes, context: context, kek: keys.keyEncryptionKey, using: random)
                .serialized
        } catch {
            throw .unavailable("sealing failed")
        }
    }

    /// Opens what ``seal(bytes:objectID:field:)`` sealed.
    func openBytes(_ sealed: [UInt8], objectID: String, field: String) throws(IdentityError) -> [UInt8] {
        let context = FieldContext(clinicID: keys.clinicID, objectID: objectID, field: field, version: 1)
        do {
            return try EncryptedField(serialized: sealed).open(context: context, keys: keyRing)
        } catch {
            throw .unavailable("a sealed field of \(objectID) does not open")
        }
    }

    /// Seals text (names, reasons).
    func seal(_ text: String, objectID: String, field: String) throws(IdentityError) -> [UInt8] {
        try seal(bytes: Array(text.utf8), objectID: objectID, field: field)
    }

    /// Opens sealed text.
    func open(_ sealed: [UInt8], objectID: String, field: String) throws(IdentityError) -> String {
        String(decoding: try openBytes(sealed, objectID: objectID, field: field), as: UTF8.self)
    }

    /// A ledger leaf for an identity event: `kind`, the actor, and opaque ids in `fields`.
    func leaf(_ kind: String, actor: Actor, _ fields: [String: CanonicalJSON] = [:]) throws(IdentityError) -> StoreWrite
    {
        var details = fields
        details["actor"] = .string(actor.ledgerName)
        do {
            return try events.append(kind: kind, fields: details)
        } catch {
            throw .unavailable("the ledger event could not be encoded")
        }
    }

    /// Commits `writes` as one unit.
    @discardableResult
    func commit(_ writes: [StoreWrite]) async throws(IdentityError) -> [StoreWriteOutcome] {
        do {
            return try await submitter.submit(WriteUnit(writes))
        } catch {
            throw IdentityError.from(error)
        }
    }

    /// Runs a store read, turning its failure into ``IdentityError/unavailable(_:)``.
    func read<T>(_ body: () async throws(StoreError) -> T) async throws(IdentityError) -> T {
        do {
            return try await body()
        } catch {
            throw .unavailable(error.description)
        }
    }

    /// Changes account `id` with compare-and-swap, retrying when somebody else wrote first.
    ///
    /// `change` edits the record and returns the writes that go with it (its leaves); the
    /// revision is raised here.
    @discardableResult
    func updateAccount(
        _ id: String,
        _ change: (inout AccountRecord) throws(IdentityError) -> [StoreWrite]
    ) async throws(IdentityError) -> AccountRecord {
        for _ in 0..<5 {
            guard let stored = try await read({ () async throws(StoreError) in try await store.account(id: id) }) else {
                throw .notFound("account")
            }
            var account = stored
            let extra = try change(&account)
            account.revision = stored.revision + 1
            do throws(IdentityError) {
                try await commit([.putAccount(account, expectedRevision: stored.revision)] + extra)
                return account
            } catch {
                if case .conflict = error { continue }
                throw error
            }
        }
        throw .conflict("the account changed repeatedly; try again")
    }

    /// Changes session `stored` with compare-and-swap (no retry: a session races only with
    /// itself, and the loser's request is answered from fresh state).
    @discardableResult
    func updateSession(
        _ stored: SessionRecord,
        extra: [StoreWrite] = [],
        _ change: (inout SessionRecord) -> Void
    ) async throws(IdentityError) -> SessionRecord {
        var session = stored
        change(&session)
        session.revision = stored.revision + 1
        try await commit([.putSession(session, expectedRevision: stored.revision)] + extra)
        return session
    }

    /// A new alert or review item.
    func queueItem(_ queue: QueueKind, kind: String, subject: String?, ref: String?) -> QueueItem {
        QueueItem(
            id: OpaqueToken.id(queue == .alert ? "alt" : "rev", using: random), queue: queue, kind: kind,
            subjectAccountID: subject, refID: ref, revision: 1, createdAt: clock(), closedBy: nil, closedAt: nil,
            outcome: nil)
    }

    /// The write that raises an alert for administrators (AUD-1).
    func alert(_ kind: String, subject: String?, ref: String? = nil) -> StoreWrite {
        .putQueueItem(queueItem(.alert, kind: kind, subject: subject, ref: ref), expectedRevision: nil)
    }

    /// The write that puts an item in the review queue.
    func review(_ kind: String, subject: String?, ref: String? = nil) -> StoreWrite {
        .putQueueItem(queueItem(.review, kind: kind, subject: subject, ref: ref), expectedRevision: nil)
    }
}
