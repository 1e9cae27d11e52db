import KuraCore
import Testing

/// The entry lifecycle walked without I/O (REC-1, REC-2, ACC-6): who may do what, from which
/// state, and what the next version becomes.
@Suite("Entry lifecycle")
struct EntryLifecycleTests {
    static let author = "acc_nurse"
    static let physician = "acc_doctor"
    static let other = "acc_other"

    static func machine(_ state: EntryState, onBehalfOf: String? = nil, finalizedBy: String? = nil) -> EntryLifecycle {
        EntryLifecycle(state: state, author: author, onBehalfOf: onBehalfOf, finalizedBy: finalizedBy)
    }

    @Test("a new entry starts as a draft, final when finalized on saving, waiting when made by proxy")
    func initialStates() {
        #expect(EntryLifecycle.initialState(proxy: false, finalize: false) == .draft)
        #expect(EntryLifecycle.initialState(proxy: false, finalize: true) == .finalized)
        #expect(EntryLifecycle.initialState(proxy: true, finalize: false) == .pendingApproval)
    }

    @Test("only the author edits and finalizes a draft")
    func draftRules() {
        let draft = Self.machine(.draft)
        #expect(draft.edit(by: Self.author) == .success(.init(state: .draft, finalizes: false)))
        #expect(draft.edit(by: Self.other) == .failure(.notAuthor))
        #expect(draft.finalize(by: Self.author) == .success(.init(state: .finalized, finalizes: true)))
        #expect(draft.finalize(by: Self.other) == .failure(.notAuthor))
        #expect(draft.amend(by: Self.author, reason: "typo") == .failure(.notFinal))
        #expect(draft.approve(by: Self.physician) == .failure(.notPendingApproval))
    }

    @Test("a finalized entry changes only by an amendment with a reason (REC-2)")
    func finalRules() {
        let final = Self.machine(.finalized, finalizedBy: Self.author)
        #expect(final.edit(by: Self.author) == .failure(.finalEntry))
        #expect(final.finalize(by: Self.author) == .failure(.alreadyFinal))
        #expect(final.amend(by: Self.author, reason: " \n") == .failure(.reasonRequired))
        #expect(final.amend(by: Self.other, reason: "wrong dose") == .failure(.notResponsible))
        #expect(final.amend(by: Self.author, reason: "wrong dose") == .success(.init(state: .amended, finalizes: true)))
        let amended = Self.machine(.amended, finalizedBy: Self.author)
        #expect(amended.amend(by: Self.author, reason: "again") == .success(.init(state: .amended, finalizes: true)))
    }

    @Test("a proxy entry waits for the named physician, who approves or rejects with a reason (ACC-6)")
    func proxyRules() {
        let waiting = Self.machine(.pendingApproval, onBehalfOf: Self.physician)
        #expect(waiting.edit(by: Self.author) == .failure(.wrongState))
        #expect(waiting.finalize(by: Self.author) == .failure(.wrongState))
        #expect(waiting.approve(by: Self.author) == .failure(.notNamedPhysician))
        #expect(waiting.approve(by: Self.other) == .failure(.notNamedPhysician))
        #expect(waiting.approve(by: Self.physician) == .success(.init(state: .finalized, finalizes: true)))
        #expect(waiting.reject(by: Self.physician, reason: "") == .failure(.reasonRequired))
        #expect(
            waiting.reject(by: Self.physician, reason: "wrong patient")
                == .success(.init(state: .rejected, finalizes: false)))
        let approved = Self.machine(.finalized, onBehalfOf: Self.physician, finalizedBy: Self.physician)
        #expect(approved.amend(by: Self.physician, reason: "add finding").map(\.state) == .success(.amended))
        #expect(approved.approve(by: Self.physician) == .failure(.notPendingApproval))
    }

    @Test("entered in error is a new version with a reason; it and rejection are ends")
    func enteredInError() {
        #expect(
            Self.machine(.draft).markEnteredInError(by: Self.author, reason: "wrong chart").map(\.state)
                == .success(.enteredInError))
        #expect(Self.machine(.draft).markEnteredInError(by: Self.other, reason: "x") == .failure(.notResponsible))
        #expect(
            Self.machine(.finalized, finalizedBy: Self.author).markEnteredInError(by: Self.author, reason: "")
                == .failure(.reasonRequired))
        #expect(
            Self.machine(.enteredInError, finalizedBy: Self.author).markEnteredInError(by: Self.author, reason: "x")
                == .failure(.wrongState))
        #expect(
            Self.machine(.rejected, onBehalfOf: Self.physician).markEnteredInError(by: Self.author, reason: "x")
                == .failure(.wrongState))
        #expect(
            Self.machine(.enteredInError, finalizedBy: Self.author).amend(by: Self.author, reason: "x")
                == .failure(.notFinal))
    }

    @Test("every refusal has an English and a Japanese rule text")
    func refusalTexts() {
        for refusal in EntryRefusal.allCases {
            #expect(!refusal.description.isEmpty)
            #expect(!refusal.japanese.isEmpty)
        }
    }
}
