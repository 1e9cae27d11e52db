import Foundation
import KuraCore

/// The entry editor's post: new entry, draft edit and amendment. The field names are the
/// entry template's (``EntryTemplate``); `submit` names the button pressed.
struct EntryForm: PageForm {
    let csrf: String?
    let kind: String?
    let careAt: String?
    let visitEnd: String?
    let onBehalfOf: String?
    let revision: String?
    let reason: String?
    let submit: String?
    let place: String?
    let participants: String?
    let subjective: String?
    let objective: String?
    let assessment: String?
    let plan: String?
    let prescription: String?
    let note: String?
    let recipient: String?
    let purpose: String?
    let body: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case kind, careAt, visitEnd, onBehalfOf, revision, reason, submit, place, participants, subjective, objective,
            assessment, plan, prescription, note, recipient, purpose, body
    }

    /// Whether the finalize (確定) button was pressed.
    var finalizes: Bool { submit == "finalize" }

    /// The text typed into entry field `name`, with the browser's CRLF line ends made LF.
    func text(_ name: String) -> String? {
        let value: String? =
            switch name {
            case "place": place
            case "participants": participants
            case "subjective": subjective
            case "objective": objective
            case "assessment": assessment
            case "plan": plan
            case "prescription": prescription
            case "note": note
            case "recipient": recipient
            case "purpose": purpose
            case "body": body
            default: nil
            }
        return value?.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The content for an entry of `kind`: the kind's fields that hold text (an empty field is
    /// left out) and, for a home visit, when it ended.
    func content(kind: RecordKind) throws(RecordError) -> EntryContent {
        var fields: [String: String] = [:]
        for name in EntryEditorField.order(of: kind) {
            if let text = text(name), EntryLifecycle.hasText(text) { fields[name] = text }
        }
        return EntryContent(fields: fields, visitEndedAt: try Self.time(visitEnd, field: "visitEnd"))
    }

    /// The care time typed, or nil when the field is empty.
    func careTime() throws(RecordError) -> Int64? {
        try Self.time(careAt, field: "careAt")
    }

    /// The revision the form was drawn from (compare-and-swap, REC-1).
    func expectedRevision() throws(RecordError) -> Int64 {
        guard let revision, let value = Int64(revision), value > 0 else { throw .invalidInput("revision: a number") }
        return value
    }

    /// A `datetime-local` value in JST, nil when empty.
    static func time(_ text: String?, field: String) throws(RecordError) -> Int64? {
        guard let text, !text.isEmpty else { return nil }
        guard let time = PageTime.parseInput(text) else { throw .invalidInput("\(field): a date and time") }
        return time
    }
}

/// A post that changes an entry's state: its revision and, for some changes, a reason.
struct EntryActionForm: PageForm {
    let csrf: String?
    let revision: String?
    let reason: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case revision, reason
    }

    /// The revision the page was drawn from.
    func expectedRevision() throws(RecordError) -> Int64 {
        guard let revision, let value = Int64(revision), value > 0 else { throw .invalidInput("revision: a number") }
        return value
    }
}
