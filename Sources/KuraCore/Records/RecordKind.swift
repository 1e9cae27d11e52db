/// The kinds of clinical record entry, with the raw values stored and sent over the API.
public enum RecordKind: String, Hashable, Sendable, CaseIterable, Comparable {
    /// 経過記録: the physician's or nurse's progress note.
    case progressNote = "progress-note"
    /// 訪問診療記録: the record of a home visit.
    case homeVisit = "home-visit"
    /// 処方記録: a note of what was prescribed.
    case prescriptionNote = "prescription-note"
    /// 診療情報提供書: a referral letter to another clinic or hospital.
    case referralLetter = "referral-letter"
    /// スキャン文書: a paper document scanned into the record (SCAN-1…4).
    case scannedDocument = "scanned-document"

    /// Whether entries of this kind are part of the 診療録 (医師法 art. 24), kept 5 years (RET-1);
    /// the other kinds are "other records of care" (療担規則 art. 9), kept 3 years (RET-2).
    public var isMedicalRecord: Bool {
        switch self {
        case .progressNote, .homeVisit: true
        case .prescriptionNote, .referralLetter, .scannedDocument: false
        }
    }

    /// Whether the law asks for a signature or seal (SIG-1): until electronic signing is
    /// configured, such an entry is "unsigned — print and seal".
    public var requiresSeal: Bool {
        self == .referralLetter
    }

    /// The Japanese name shown in the UI.
    public var japaneseName: String {
        switch self {
        case .progressNote: "経過記録"
        case .homeVisit: "訪問診療記録"
        case .prescriptionNote: "処方記録"
        case .referralLetter: "診療情報提供書"
        case .scannedDocument: "スキャン文書"
        }
    }

    /// The English name shown in the UI.
    public var englishName: String {
        switch self {
        case .progressNote: "Progress note"
        case .homeVisit: "Home-visit record"
        case .prescriptionNote: "Prescription note"
        case .referralLetter: "Referral letter"
        case .scannedDocument: "Scanned document"
        }
    }

    /// Orders by declaration, so lists print in a stable order.
    public static func < (lhs: RecordKind, rhs: RecordKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
