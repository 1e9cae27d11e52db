/// The entry lifecycle as a state machine (REC-1, REC-2, ACC-6; STYLE 3): each event method
/// checks who asks and from which state, and returns the next version's state and finalizer, or
/// the refusal. The service performs the write; tests walk every transition without I/O.
///
/// Rules:
/// - A draft changes only by its author, without a reason, and is finalized only by its author.
/// - A proxy entry (代行入力) waits in `pendingApproval` for the physician named in `onBehalfOf`,
///   who approves (→ `finalized`, the physician is the finalizer) or rejects it with a reason.
/// - A final entry never changes: an amendment is a new version with a reason, by the person
///   responsible for it (its author or finalizer); so is marking it entered in error.
/// - Nothing is deleted: a draft or a waiting proxy entry may be withdrawn only by marking it
///   entered in error, with a reason.
public struct EntryLifecycle: Sendable, Equatable {
    /// The current state.
    public var state: EntryState
    /// The author of the first version.
    public var author: String
    /// The physician of a proxy entry.
    public var onBehalfOf: String?
    /// Who finalized it, once final.
    public var finalizedBy: String?

    /// Creates the machine for an entry as stored.
    public init(state: EntryState, author: String, onBehalfOf: String?, finalizedBy: String?) {
        self.state = state
        self.author = author
        self.onBehalfOf = onBehalfOf
        self.finalizedBy = finalizedBy
    }

    /// What the next version becomes.
    public struct Transition: Sendable, Equatable {
        /// Its state.
        public var state: EntryState
        /// Whether this version finalizes (sets finalizer and time).
        public var finalizes: Bool

        /// Creates a transition.
        public init(state: EntryState, finalizes: Bool) {
            self.state = state
            self.finalizes = finalizes
        }
    }

    /// The state a new entry starts in: a proxy entry waits for its physician; otherwise a draft,
    /// or final at once when the author finalizes on saving.
    public static func initialState(proxy: Bool, finalize: Bool) -> EntryState {
        proxy ? .pendingApproval : (finalize ? .finalized : .draft)
    }

    /// The author edits the draft (a new version, no reason needed).
    public func edit(by actor: String) -> Result<Transition, EntryRefusal> {
        guard state == .draft else { return .failure(state.isFinal ? .finalEntry : .wrongState) }
        guard actor == author else { return .failure(.notAuthor) }
        return .success(Transition(state: .draft, finalizes: false))
    }

    /// The author finalizes (確定) the draft.
    public func finalize(by actor: String) -> Result<Transition, EntryRefusal> {
        guard state == .draft else { return .failure(state.isFinal ? .alreadyFinal : .wrongState) }
        guard actor == author else { return .failure(.notAuthor) }
        return .success(Transition(state: .finalized, finalizes: true))
    }

    /// The responsible person amends a final entry, with a reason.
    public func amend(by actor: String, reason: String) -> Result<Transition, EntryRefusal> {
        guard state == .finalized || state == .amended else { return .failure(.notFinal) }
        guard isResponsible(actor) else { return .failure(.notResponsible) }
        guard Self.hasText(reason) else { return .failure(.reasonRequired) }
        return .success(Transition(state: .amended, finalizes: true))
    }

    /// The responsible person marks the entry entered in error, with a reason.
    public func markEnteredInError(by actor: String, reason: String) -> Result<Transition, EntryRefusal> {
        guard state != .enteredInError, state != .rejected else { return .failure(.wrongState) }
        guard isResponsible(actor) || (!state.isFinal && actor == author) else { return .failure(.notResponsible) }
        guard Self.hasText(reason) else { return .failure(.reasonRequired) }
        return .success(Transition(state: .enteredInError, finalizes: true))
    }

    /// The named physician approves a proxy entry; it becomes final with the physician as finalizer.
    public func approve(by actor: String) -> Result<Transition, EntryRefusal> {
        guard state == .pendingApproval else { return .failure(.notPendingApproval) }
        guard actor == onBehalfOf else { return .failure(.notNamedPhysician) }
        return .success(Transition(state: .finalized, finalizes: true))
    }

    /// The named physician rejects a proxy entry, with a reason.
    public func reject(by actor: String, reason: String) -> Result<Transition, EntryRefusal> {
        guard state == .pendingApproval else { return .failure(.notPendingApproval) }
        guard actor == onBehalfOf else { return .failure(.notNamedPhysician) }
        guard Self.hasText(reason) else { return .failure(.reasonRequired) }
        return .success(Transition(state: .rejected, finalizes: false))
    }

    /// The author, the finalizer, or the physician a proxy entry was made for.
    func isResponsible(_ actor: String) -> Bool {
        actor == author || actor == finalizedBy || (onBehalfOf != nil && actor == onBehalfOf)
    }

    /// Whether `reason` holds more than white space.
    public static func hasText(_ reason: String) -> Bool {
        reason.unicodeScalars.contains { !$0.properties.isWhitespace }
    }
}

/// Why the lifecycle refused an event; each names a rule, never the content.
public enum EntryRefusal: Error, Sendable, Equatable, CaseIterable {
    /// A final entry changes only by an amendment with a reason.
    case finalEntry
    /// It is final already.
    case alreadyFinal
    /// Only final entries are amended.
    case notFinal
    /// The event does not apply in the entry's state.
    case wrongState
    /// Only the author edits or finalizes a draft.
    case notAuthor
    /// Only the author, the finalizer or the named physician amends or withdraws.
    case notResponsible
    /// The change needs a reason.
    case reasonRequired
    /// Only a proxy entry waiting for approval is approved or rejected.
    case notPendingApproval
    /// Only the physician the entry was made for approves or rejects it.
    case notNamedPhysician

    /// The rule, in English.
    public var description: String {
        switch self {
        case .finalEntry: "a finalized entry changes only by an amendment with a reason"
        case .alreadyFinal: "the entry is final already"
        case .notFinal: "only a finalized entry can be amended"
        case .wrongState: "not possible in the entry's current state"
        case .notAuthor: "only the author can change or finalize a draft"
        case .notResponsible: "only the author, the finalizer or the named physician can do this"
        case .reasonRequired: "a reason is required"
        case .notPendingApproval: "the entry is not waiting for approval"
        case .notNamedPhysician: "only the physician the entry was made for can approve or reject it"
        }
    }

    /// The rule, in Japanese.
    public var japanese: String {
        switch self {
        case .finalEntry: "確定済みの記録は、理由を付けた修正版でのみ変更できます"
        case .alreadyFinal: "この記録はすでに確定しています"
        case .notFinal: "修正できるのは確定済みの記録だけです"
        case .wrongState: "現在の状態ではこの操作はできません"
        case .notAuthor: "下書きの変更と確定は作成者だけができます"
        case .notResponsible: "作成者・確定者・代行元の医師だけがこの操作をできます"
        case .reasonRequired: "理由の入力が必要です"
        case .notPendingApproval: "この記録は承認待ちではありません"
        case .notNamedPhysician: "承認・差戻しは代行元の医師だけができます"
        }
    }
}
