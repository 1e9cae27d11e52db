import Foundation
import KuraCore

/// The registration and demographics form (REC-1): every field optional here so a post
/// without its token still decodes and is refused for that reason first.
struct PatientForm: PageForm {
    let csrf: String?
    let patientNumber: String?
    let name: String?
    let kana: String?
    let birthDate: String?
    let sex: String?
    let address: String?
    let phone: String?
    let insurerNumber: String?
    let insuranceSymbol: String?
    let insuranceNumber: String?
    let careStartedOn: String?
    let careEndedOn: String?
    /// Accounts to put on the care team of a new patient (`careTeam[]`).
    let careTeam: [String]?
    /// `yes` when the person confirmed the likely duplicates are other people (REC-1).
    let confirmDuplicate: String?
    /// The revision the edit form was drawn from (compare-and-swap).
    let revision: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case patientNumber, name, kana, birthDate, sex, address, phone, insurerNumber, insuranceSymbol
        case insuranceNumber, careStartedOn, careEndedOn, careTeam, confirmDuplicate, revision
    }

    /// The demographics the form names: the five required fields must be filled; blank optional
    /// fields are absent, and surrounding spaces are dropped. The service validates the rest.
    func demographics() throws(PageRefusal) -> PatientDemographics {
        PatientDemographics(
            patientNumber: try Self.trimmed(filled(\.patientNumber)), name: try Self.trimmed(filled(\.name)),
            kana: try Self.trimmed(filled(\.kana)), birthDate: try Self.trimmed(filled(\.birthDate)),
            sex: try Self.trimmed(filled(\.sex)), address: Self.optional(address), phone: Self.optional(phone),
            insurerNumber: Self.optional(insurerNumber), insuranceSymbol: Self.optional(insuranceSymbol),
            insuranceNumber: Self.optional(insuranceNumber), careStartedOn: Self.optional(careStartedOn),
            careEndedOn: Self.optional(careEndedOn))
    }

    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A filled field, trimmed, or nil.
    static func optional(_ text: String?) -> String? {
        guard let text = text.map(trimmed), !text.isEmpty else { return nil }
        return text
    }
}

/// The patient search (a POST, so the query never sits in a URL or a log): what to search by
/// and the one value, since the service takes exactly one criterion.
struct PatientSearchForm: PageForm {
    let csrf: String?
    let by: String?
    let query: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case by, query
    }

    /// What a search may be by, in the order the select offers them.
    enum Criterion: String, CaseIterable, Sendable {
        case kanaPrefix, name, patientNumber, birthDate
    }

    /// The query the form names; a birth date may be written `1940/2/29` or `1940-2-29`.
    func patientQuery() throws(PageRefusal) -> PatientQuery {
        let value = PatientForm.trimmed(try filled(\.query))
        switch Criterion(rawValue: by ?? "") ?? .kanaPrefix {
        case .kanaPrefix: return PatientQuery(kanaPrefix: value)
        case .name: return PatientQuery(name: value)
        case .patientNumber: return PatientQuery(patientNumber: value)
        case .birthDate: return PatientQuery(birthDate: Self.isoDate(value))
        }
    }

    /// `YYYY-MM-DD` for a date written with `/`, `.` or `-` and unpadded parts; anything else
    /// as it is (the service refuses it).
    static func isoDate(_ text: String) -> String {
        let parts = text.split(whereSeparator: { "/.-".contains($0) }).map { Int($0) }
        guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2] else { return text }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}

/// A care-team change: the account and whether it joins or leaves.
struct CareTeamForm: PageForm {
    let csrf: String?
    let account: String?
    let change: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case account, change
    }
}

/// The break-glass form (ACC-7): a reason and the password again.
struct BreakGlassForm: PageForm {
    let csrf: String?
    let reason: String?
    let password: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case reason, password
    }
}

/// One structured list as its form posts it: rows `text-N`, `note-N`, `since-N` (a row whose
/// text is blank is dropped, which is how an item is removed), the kind and the revision.
struct PatientListForm: PageForm {
    let csrf: String?
    let kind: String?
    let revision: String?
    /// The rows in their order on the page.
    let rows: [Row]

    /// One row of the form.
    struct Row: Sendable, Equatable {
        var text = ""
        var note = ""
        var since = ""
    }

    /// The most rows a post may carry: a full list and the blank rows under it.
    static let maxRows = PatientListItems.maxItems + 10

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        func value(_ name: String) throws -> String? {
            try container.decodeIfPresent(String.self, forKey: Key(stringValue: name))
        }
        csrf = try value("_csrf")
        kind = try value("kind")
        revision = try value("revision")
        var rows: [Int: Row] = [:]
        for key in container.allKeys {
            let parts = key.stringValue.split(separator: "-", maxSplits: 1)
            guard parts.count == 2, let index = Int(parts[1]), (0..<Self.maxRows).contains(index),
                let text = try value(key.stringValue)
            else { continue }
            switch parts[0] {
            case "text": rows[index, default: Row()].text = text
            case "note": rows[index, default: Row()].note = text
            case "since": rows[index, default: Row()].since = text
            default: continue
            }
        }
        self.rows = rows.keys.sorted().compactMap { rows[$0] }
    }

    /// The items of the filled rows, in order.
    var items: PatientListItems {
        PatientListItems(
            items: rows.compactMap { row in
                guard let text = PatientForm.optional(row.text) else { return nil }
                return PatientListItems.Item(
                    text: text, note: PatientForm.optional(row.note), since: PatientForm.optional(row.since))
            })
    }
}
