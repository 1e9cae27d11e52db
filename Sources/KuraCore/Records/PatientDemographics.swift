/// What a clinic records about who a patient is, sealed as one document per revision (ENC-1).
///
/// Every member is PHI. `validationError` checks the documented limits and names only the
/// failing field, never its value.
public struct PatientDemographics: Codable, Sendable, Equatable {
    /// The clinic's patient number (unique in the clinic): 1 to 20 of 0-9, A-Z, a-z and '-'.
    public var patientNumber: String
    /// The name as written (漢字), 1 to 100 characters.
    public var name: String
    /// The reading in kana (フリガナ), 1 to 100 characters of kana, spaces and '・'.
    public var kana: String
    /// The date of birth, `YYYY-MM-DD`.
    public var birthDate: String
    /// `male`, `female`, `other` or `unknown`.
    public var sex: String
    /// The address, up to 300 characters.
    public var address: String?
    /// The phone number, up to 30 of digits, spaces, '+', '-', '(' and ')'.
    public var phone: String?
    /// The insurer number (保険者番号): 6 or 8 digits.
    public var insurerNumber: String?
    /// The card's symbol (記号), up to 40 characters.
    public var insuranceSymbol: String?
    /// The card's number (番号), up to 40 characters.
    public var insuranceNumber: String?
    /// The first day of care, `YYYY-MM-DD`.
    public var careStartedOn: String?
    /// The last day of care, `YYYY-MM-DD`, once care has ended.
    public var careEndedOn: String?

    /// Creates demographics.
    public init(
        patientNumber: String, name: String, kana: String, birthDate: String, sex: String, address: String? = nil,
        phone: String? = nil, insurerNumber: String? = nil, insuranceSymbol: String? = nil,
        insuranceNumber: String? = nil, careStartedOn: String? = nil, careEndedOn: String? = nil
    ) {
        self.patientNumber = patientNumber
        self.name = name
        self.kana = kana
        self.birthDate = birthDate
        self.sex = sex
        self.address = address
        self.phone = phone
        self.insurerNumber = insurerNumber
        self.insuranceSymbol = insuranceSymbol
        self.insuranceNumber = insuranceNumber
        self.careStartedOn = careStartedOn
        self.careEndedOn = careEndedOn
    }

    /// The sexes a record may carry.
    public static let sexes: Set<String> = ["male", "female", "other", "unknown"]

    /// The first rule the values break, as the field's name and the rule, or nil.
    public var validationError: String? {
        if !(1...20).contains(patientNumber.count)
            || !patientNumber.unicodeScalars.allSatisfy({ $0.isASCIIAlphanumeric || $0 == "-" })
        {
            return "patientNumber: 1 to 20 of 0-9, A-Z, a-z and '-'"
        }
        if !Self.isText(name, max: 100) { return "name: 1 to 100 characters" }
        if !Self.isText(kana, max: 100) || !kana.unicodeScalars.allSatisfy(Self.isKanaOrSpace) {
            return "kana: 1 to 100 characters of kana"
        }
        if !Self.isDate(birthDate) { return "birthDate: a date as YYYY-MM-DD" }
        if !Self.sexes.contains(sex) { return "sex: male, female, other or unknown" }
        if let address, !Self.isText(address, max: 300) { return "address: 1 to 300 characters" }
        if let phone,
            !(1...30).contains(phone.count)
                || !phone.unicodeScalars.allSatisfy({ "0123456789 +-()".unicodeScalars.contains($0) })
        {
            return "phone: up to 30 of digits, spaces, '+', '-', '(' and ')'"
        }
        if let insurerNumber, ![6, 8].contains(insurerNumber.count) || !insurerNumber.allSatisfy(\.isASCIIDigit) {
            return "insurerNumber: 6 or 8 digits"
        }
        if let insuranceSymbol, !Self.isText(insuranceSymbol, max: 40) { return "insuranceSymbol: 1 to 40 characters" }
        if let insuranceNumber, !Self.isText(insuranceNumber, max: 40) { return "insuranceNumber: 1 to 40 characters" }
        if let careStartedOn, !Self.isDate(careStartedOn) { return "careStartedOn: a date as YYYY-MM-DD" }
        if let careEndedOn, !Self.isDate(careEndedOn) { return "careEndedOn: a date as YYYY-MM-DD" }
        if let start = careStartedOn, let end = careEndedOn, end < start {
            return "careEndedOn: not before careStartedOn"
        }
        return nil
    }

    /// Non-blank text of at most `max` characters without control characters.
    public static func isText(_ text: String, max: Int) -> Bool {
        (1...max).contains(text.count) && text.unicodeScalars.contains { !$0.properties.isWhitespace }
            && !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// Whether `text` is a real calendar date written `YYYY-MM-DD` (years 1850–2200).
    public static func isDate(_ text: String) -> Bool {
        guard let date = try? CivilDate(parsing: text) else { return false }
        return (1850...2200).contains(date.year)
    }

    static func isKanaOrSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3041...0x3096, 0x309B...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: true
        case 0x20, 0x3000: true
        default: false
        }
    }
}

extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool {
        ("0"..."9").contains(self) || ("A"..."Z").contains(self) || ("a"..."z").contains(self)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
