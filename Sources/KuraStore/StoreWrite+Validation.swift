import KuraCore

extension StoreWrite {
    /// Why every store refuses this write before touching the database, or nil: the rules of
    /// the schemas' CHECK constraints, checked in Swift so that all backends refuse the same
    /// units with the same message, and a bad unit fails alone without a round trip. The
    /// constraints stay as a backstop.
    public var validationError: StoreError? {
        switch self {
        case .appendLeaf(let append):
            if append.salt.count != LedgerSalt.byteCount {
                return .constraintViolation("a leaf's salt must be \(LedgerSalt.byteCount) bytes")
            }
            // An entry bundle carries each leaf behind a 16-bit length (C2SP tlog-tiles).
            if !(1...EntryBundle.maxEntryLength).contains(append.leaf.count) {
                return .constraintViolation("a leaf must be 1 to \(EntryBundle.maxEntryLength) bytes")
            }
            return nil
        case .putAccount(let account, let expected):
            if let error = Self.revisionError(account.revision, expected: expected) { return error }
            if !Self.isOpaqueID(account.id) {
                return .constraintViolation("an account id must be 1 to 64 ASCII characters")
            }
            if !Self.isLoginName(account.login) {
                return .constraintViolation("a login name must be 1 to 64 of a-z, 0-9, '.', '_' and '-'")
            }
            if account.sealedName.isEmpty { return .constraintViolation("an account must have a sealed name") }
            if account.failedLogins < 0 { return .constraintViolation("failed logins cannot be negative") }
            if account.language != "ja" && account.language != "en" {
                return .constraintViolation("an account's language must be ja or en")
            }
            return nil
        case .putSession(let session, let expected):
            if let error = Self.revisionError(session.revision, expected: expected) { return error }
            if !Self.isOpaqueID(session.id) {
                return .constraintViolation("a session id must be 1 to 64 ASCII characters")
            }
            if session.tokenHash.count != Self.hashByteCount {
                return .constraintViolation("a session token hash must be \(Self.hashByteCount) bytes")
            }
            if (session.endedAt == nil) != (session.endReason == nil) {
                return .constraintViolation("a session's end time and end reason go together")
            }
            return nil
        case .putDevice(let device, let expected):
            if let error = Self.revisionError(device.revision, expected: expected) { return error }
            if !Self.isOpaqueID(device.id) {
                return .constraintViolation("a device id must be 1 to 64 ASCII characters")
            }
            if device.tokenHash.count != Self.hashByteCount {
                return .constraintViolation("a device token hash must be \(Self.hashByteCount) bytes")
            }
            if device.userAgent.count > Self.maxUserAgentLength {
                return .constraintViolation("a user agent is kept to \(Self.maxUserAgentLength) characters")
            }
            return nil
        case .replaceRecoveryCodes(_, let hashes, _):
            if hashes.count > Self.maxRecoveryCodes {
                return .constraintViolation("at most \(Self.maxRecoveryCodes) recovery codes")
            }
            if hashes.contains(where: { $0.count != Self.hashByteCount }) || Set(hashes).count != hashes.count {
                return .constraintViolation("recovery code hashes must be distinct and \(Self.hashByteCount) bytes")
            }
            return nil
        case .consumeRecoveryCode(_, let hash, _):
            if hash.count != Self.hashByteCount {
                return .constraintViolation("a recovery code hash must be \(Self.hashByteCount) bytes")
            }
            return nil
        case .insertBreakGlassGrant(let grant):
            if !Self.isOpaqueID(grant.id) { return .constraintViolation("a grant id must be 1 to 64 ASCII characters") }
            if grant.expiresAt <= grant.grantedAt { return .constraintViolation("a grant must expire after it starts") }
            return nil
        case .putQueueItem(let item, let expected):
            if let error = Self.revisionError(item.revision, expected: expected) { return error }
            if !Self.isOpaqueID(item.id) {
                return .constraintViolation("a queue item id must be 1 to 64 ASCII characters")
            }
            if (item.closedAt == nil) != (item.closedBy == nil) {
                return .constraintViolation("a queue item's closing time and closer go together")
            }
            return nil
        case .claimOnce(let name, _):
            if !Self.isOpaqueID(name) {
                return .constraintViolation("a one-time step name must be 1 to 64 ASCII characters")
            }
            return nil
        case .endSessions, .endDeviceSessions:
            return nil
        case .putPatient, .addCareTeamMember, .removeCareTeamMember, .putPatientList, .putEntry,
            .insertRecordVersion, .insertAuditEvent, .insertAttachment:
            return recordValidationError
        case .insertComplianceVersion(let version):
            if version.version < 1 { return .constraintViolation("versions start at 1") }
            if !Self.isOpaqueID(version.objectID) || !Self.isOpaqueID(version.author) {
                return .constraintViolation("compliance ids must be 1 to 64 ASCII characters")
            }
            if !Self.isKindWord(version.kind) || !Self.isKindWord(version.state) {
                return .constraintViolation("a compliance kind and state must be short words")
            }
            return version.sealedBody.isEmpty
                ? .constraintViolation("a compliance version must have a sealed body") : nil
        }
    }

    /// The length of every stored token and code hash (SHA-256).
    public static let hashByteCount = 32
    /// The longest user agent kept.
    public static let maxUserAgentLength = 256
    /// The most recovery codes an account holds at once.
    public static let maxRecoveryCodes = 32

    /// The compare-and-swap rule of every `put…` write.
    static func revisionError(_ revision: Int64, expected: Int64?) -> StoreError? {
        guard let expected else {
            return revision == 1 ? nil : .constraintViolation("a new record starts at revision 1")
        }
        return revision == expected &+ 1 ? nil : .constraintViolation("an update must raise the revision by one")
    }

    /// Opaque ids: 1 to 64 printable ASCII characters without spaces.
    public static func isOpaqueID(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count) && id.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    /// Login names: 1 to 64 of a-z, 0-9, '.', '_', '-'.
    public static func isLoginName(_ login: String) -> Bool {
        (1...64).contains(login.utf8.count)
            && login.utf8.allSatisfy { byte in
                (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2E || byte == 0x5F
                    || byte == 0x2D
            }
    }

    /// Whether the database may still refuse this write once it passed ``validationError``
    /// (a unique or foreign key constraint): then `commit` needs a savepoint per unit. Every new
    /// case must answer it.
    public var mayFailInDatabase: Bool {
        switch self {
        case .appendLeaf, .endSessions, .endDeviceSessions, .replaceRecoveryCodes: false
        case .putAccount, .putSession, .putDevice, .consumeRecoveryCode, .insertBreakGlassGrant, .putQueueItem,
            .claimOnce, .putPatient, .addCareTeamMember, .removeCareTeamMember, .putPatientList, .putEntry,
            .insertRecordVersion, .insertAuditEvent, .insertAttachment, .insertComplianceVersion:
            true
        }
    }
}

extension WriteUnit {
    /// The first write's ``StoreWrite/validationError``: the unit is refused whole. A write
    /// bound to a leaf (``StoreWrite/bindsLeaf``) needs an append before it in the unit.
    public var validationError: StoreError? {
        if let error = writes.lazy.compactMap(\.validationError).first { return error }
        var appended = false
        for write in writes {
            if case .appendLeaf = write { appended = true }
            if write.bindsLeaf && !appended {
                return .unboundWrite
            }
        }
        return nil
    }

    /// Whether any write may still fail in the database, so the unit needs a savepoint.
    public var mayFailInDatabase: Bool {
        writes.contains(where: \.mayFailInDatabase)
    }
}

extension LedgerIntegration {
    /// Why every store refuses this integration before touching the database, or nil: the
    /// checkpoint must cover exactly the previous tree and the listed leaves. (A head that
    /// moved is a `conflict`, found in the database; this is a malformed request.)
    public var validationError: StoreError? {
        let (size, overflow) = previousSize.addingReportingOverflow(UInt64(leaves.count))
        guard !overflow, checkpoint.size == size else {
            return .constraintViolation("the checkpoint size is not the previous size plus the leaves")
        }
        return nil
    }
}
