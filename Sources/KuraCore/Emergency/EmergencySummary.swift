/// What one patient's emergency page holds once opened (REC-3, BAK-3): the header, the three
/// lists and the latest entries, as the clinic needs them to keep caring for the patient while
/// the server is down. Every text is PHI; the page carries it only encrypted.
///
/// Labels (entry kinds, states, field names, sex) arrive already worded in Japanese and
/// English, so the page's script stays a dumb renderer.
public struct EmergencySummary: Sendable, Equatable {
    /// Who the patient is.
    public struct Patient: Sendable, Equatable {
        /// The clinic's patient number.
        public var number: String
        /// The name.
        public var name: String
        /// The kana reading.
        public var kana: String
        /// The date of birth, `YYYY-MM-DD`.
        public var birthDate: String
        /// Full years on the day the page was made.
        public var age: Int?
        /// The sex, worded.
        public var sex: String
        /// The address: home-care staff must find the patient without the server.
        public var address: String?
        /// The phone number.
        public var phone: String?

        /// Creates a patient header.
        public init(
            number: String, name: String, kana: String, birthDate: String, age: Int?, sex: String,
            address: String? = nil, phone: String? = nil
        ) {
            self.number = number
            self.name = name
            self.kana = kana
            self.birthDate = birthDate
            self.age = age
            self.sex = sex
            self.address = address
            self.phone = phone
        }
    }

    /// One line of a structured list.
    public struct ListItem: Sendable, Equatable {
        /// What it is.
        public var text: String
        /// A note (reaction, dose, status).
        public var note: String?
        /// Since when.
        public var since: String?

        /// Creates an item.
        public init(text: String, note: String? = nil, since: String? = nil) {
            self.text = text
            self.note = note
            self.since = since
        }
    }

    /// One labelled field of an entry.
    public struct Field: Sendable, Equatable {
        /// The field's name, worded.
        public var label: String
        /// The text as recorded.
        public var text: String

        /// Creates a field.
        public init(label: String, text: String) {
            self.label = label
            self.text = text
        }
    }

    /// One clinical entry as it currently stands.
    public struct Entry: Sendable, Equatable {
        /// The kind word (`progress-note`, …).
        public var kind: String
        /// The kind, worded.
        public var kindLabel: String
        /// The state word (`finalized`, …).
        public var state: String
        /// The state, worded.
        public var stateLabel: String
        /// The author's login (or id).
        public var author: String
        /// When the care happened or the entry was recorded, JST text.
        public var time: String
        /// The fields in the template's order.
        public var fields: [Field]

        /// Creates an entry.
        public init(
            kind: String, kindLabel: String, state: String, stateLabel: String, author: String, time: String,
            fields: [Field]
        ) {
            self.kind = kind
            self.kindLabel = kindLabel
            self.state = state
            self.stateLabel = stateLabel
            self.author = author
            self.time = time
            self.fields = fields
        }
    }

    /// The patient.
    public var patient: Patient
    /// Allergies; nil when the list was never recorded (which is not "none").
    public var allergies: [ListItem]?
    /// Problems; nil when never recorded.
    public var problems: [ListItem]?
    /// Medications; nil when never recorded.
    public var medications: [ListItem]?
    /// The latest entries, newest first.
    public var entries: [Entry]

    /// Creates a summary.
    public init(
        patient: Patient, allergies: [ListItem]?, problems: [ListItem]?, medications: [ListItem]?, entries: [Entry]
    ) {
        self.patient = patient
        self.allergies = allergies
        self.problems = problems
        self.medications = medications
        self.entries = entries
    }
}

extension EmergencySummary {
    /// The members the page's script reads (see `EmergencyPayload` for the envelope).
    var json: CanonicalJSON {
        func optional(_ text: String?) -> CanonicalJSON { text.map(CanonicalJSON.string) ?? .null }
        func list(_ items: [ListItem]?) -> CanonicalJSON {
            guard let items else { return .null }
            return .array(
                items.map {
                    .object(["text": .string($0.text), "note": optional($0.note), "since": optional($0.since)])
                })
        }
        return .object([
            "patient": .object([
                "number": .string(patient.number), "name": .string(patient.name), "kana": .string(patient.kana),
                "birthDate": .string(patient.birthDate), "age": patient.age.map { .integer(Int64($0)) } ?? .null,
                "sex": .string(patient.sex), "address": optional(patient.address), "phone": optional(patient.phone),
            ]),
            "allergies": list(allergies), "problems": list(problems), "medications": list(medications),
            "entries": .array(
                entries.map { entry in
                    .object([
                        "kind": .string(entry.kind), "kindLabel": .string(entry.kindLabel),
                        "state": .string(entry.state), "stateLabel": .string(entry.stateLabel),
                        "author": .string(entry.author), "time": .string(entry.time),
                        "fields": .array(
                            entry.fields.map { .object(["label": .string($0.label), "text": .string($0.text)]) }),
                    ])
                }),
        ])
    }
}
