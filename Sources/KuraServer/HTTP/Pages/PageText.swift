import KuraCore
import Mustache

/// The words of the pages, Japanese first and English for accounts whose language is `en`
/// (DESIGN "Interfaces"). Templates read them as `{{t.key}}`; models read them by subscript.
/// A key missing from the tables renders as nothing, so a test checks every key a template
/// names.
struct PageText: Sendable, MustacheParent {
    /// `ja` or `en`.
    let language: String

    /// The text in `language`; anything but `en` is Japanese.
    init(language: String) {
        self.language = language == "en" ? "en" : "ja"
    }

    /// The text for `key`, or the key itself when the tables lack it (never empty on screen).
    subscript(_ key: String) -> String {
        lookup(key) ?? key
    }

    /// What `{{t.key}}` renders.
    func child(named key: String) -> Any? {
        lookup(key)
    }

    func lookup(_ key: String) -> String? {
        guard let entry = Self.entry(key) else { return nil }
        return language == "en" ? entry.en : entry.ja
    }

    /// One table per area of the UI; a test checks that no key is in two of them.
    static let tables: [[String: (ja: String, en: String)]] = [
        labels, values, records, dashboard, patients, entries, audit, administration, compliance,
    ]

    static func entry(_ key: String) -> (ja: String, en: String)? {
        for table in tables {
            if let entry = table[key] { return entry }
        }
        return nil
    }

    // MARK: - Domain words

    /// The name of a role.
    func role(_ role: Role) -> String {
        self["role" + Self.capitalised(role.rawValue)]
    }

    /// The name of a job type code; an unknown code shows as it is.
    func jobType(_ code: String) -> String {
        lookup("job" + Self.capitalised(code)) ?? code
    }

    /// What an alert or review item is about; an unknown kind shows as it is.
    func event(_ kind: String) -> String {
        lookup("event" + Self.capitalised(kind)) ?? kind
    }

    /// A device's approval state.
    func deviceStatus(_ status: String) -> String {
        lookup("deviceStatus" + Self.capitalised(status)) ?? status
    }

    /// Who owns a device.
    func ownership(_ ownership: String) -> String {
        lookup("ownership" + Self.capitalised(ownership)) ?? ownership
    }

    /// `account.locked` → `AccountLocked`, `care-manager` → `CareManager`.
    static func capitalised(_ code: String) -> String {
        code.split(whereSeparator: { $0 == "." || $0 == "-" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }
}
