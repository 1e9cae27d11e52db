/// The encrypted index of one day's emergency snapshot (REC-3): which file holds which patient.
///
/// A plain index would list names and numbers in the clear, so it is a page like the others,
/// opened with the same passphrase; the folder itself shows only opaque file names.
public struct EmergencyIndex: Sendable, Equatable {
    /// One patient's line.
    public struct Line: Sendable, Equatable {
        /// The clinic's patient number.
        public var number: String
        /// The name.
        public var name: String
        /// The kana reading (the lines are sorted by it).
        public var kana: String
        /// The date of birth.
        public var birthDate: String
        /// The page's file name in the same folder (`<patient id>.html`).
        public var file: String

        /// Creates a line.
        public init(number: String, name: String, kana: String, birthDate: String, file: String) {
            self.number = number
            self.name = name
            self.kana = kana
            self.birthDate = birthDate
            self.file = file
        }
    }

    /// The patients, in the order to show.
    public var lines: [Line]

    /// Creates an index.
    public init(lines: [Line]) {
        self.lines = lines
    }

    var json: CanonicalJSON {
        .object([
            "patients": .array(
                lines.map {
                    .object([
                        "number": .string($0.number), "name": .string($0.name), "kana": .string($0.kana),
                        "birthDate": .string($0.birthDate), "file": .string($0.file),
                    ])
                })
        ])
    }
}
