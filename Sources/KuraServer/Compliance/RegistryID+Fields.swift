import KuraCore

/// The registries' fields and names (issue 8, "Registries"): each entry is a list of values
/// whose every version is sealed and bound to a ledger leaf. The fields are defined here, once,
/// and drive the API's validation, the pages' forms and the report's tables alike.
extension RegistryID {
    /// The compliance document kind of its entries.
    public var kind: String { "registry.\(rawValue)" }

    /// The registry whose entries have `kind`, or nil.
    public init?(kind: String) {
        guard kind.hasPrefix("registry."), let registry = Self(rawValue: String(kind.dropFirst(9))) else { return nil }
        self = registry
    }

    /// The field whose value names an entry in lists.
    public var titleField: String {
        switch self {
        case .officers, .contacts, .vendors, .devices: "name"
        case .documents, .incidents: "title"
        case .training: "topic"
        }
    }

    /// Its fields, in form order.
    public var fields: [RegistryField] {
        switch self {
        case .officers:
            [
                RegistryField(
                    "role", ja: "役割", en: "Role", .choice(["security-officer", "planning-manager"]), required: true),
                RegistryField("name", ja: "氏名", en: "Name", .text(maxLength: 100), required: true),
                RegistryField("position", ja: "職名", en: "Position", .text(maxLength: 100)),
                RegistryField("appointedOn", ja: "任命日", en: "Appointed on", .date, required: true),
                RegistryField("contact", ja: "連絡先", en: "Contact", .text(maxLength: 200)),
            ]
        case .devices:
            [
                RegistryField("name", ja: "機器名", en: "Device", .text(maxLength: 100), required: true),
                RegistryField(
                    "kind", ja: "種別", en: "Kind",
                    .choice([
                        "server", "pc", "tablet", "smartphone", "router", "switch", "wifi", "printer", "iot",
                        "media", "other",
                    ]), required: true),
                RegistryField(
                    "ownership", ja: "所有", en: "Ownership", .choice(["clinic", "byod", "vendor"]), required: true),
                RegistryField("owner", ja: "管理者・利用者", en: "Owner or user", .text(maxLength: 100)),
                RegistryField("os", ja: "OS・ファームウェア", en: "OS or firmware", .text(maxLength: 100)),
                RegistryField("location", ja: "設置場所", en: "Location", .text(maxLength: 100)),
                RegistryField("lastChecked", ja: "最終棚卸日", en: "Last inventory", .date),
                RegistryField("note", ja: "備考", en: "Note", .text(maxLength: 500)),
            ]
        case .vendors:
            [
                RegistryField("name", ja: "事業者名", en: "Vendor", .text(maxLength: 100), required: true),
                RegistryField(
                    "service", ja: "提供システム・サービス", en: "System or service", .text(maxLength: 200), required: true),
                RegistryField("contact", ja: "連絡先", en: "Contact", .text(maxLength: 200)),
                RegistryField("remoteMaintenance", ja: "リモート保守あり", en: "Remote maintenance", .flag),
                RegistryField(
                    "remoteMaintenanceConfirmedOn", ja: "リモート保守の確認日", en: "Remote maintenance confirmed on", .date),
                RegistryField("mdsSdsReceivedOn", ja: "MDS/SDS受領日", en: "MDS/SDS received on", .date),
                RegistryField("responsibilitySplitOn", ja: "役割分担表の合意日", en: "Responsibility split agreed on", .date),
                RegistryField("contractEndsOn", ja: "契約終了日", en: "Contract ends on", .date),
            ]
        case .contacts:
            [
                RegistryField(
                    "party", ja: "区分", en: "Party",
                    .choice(["internal", "vendor", "mhlw", "prefecture", "police", "ppc", "insurer", "other"]),
                    required: true),
                RegistryField("name", ja: "名称・氏名", en: "Name", .text(maxLength: 100), required: true),
                RegistryField("phone", ja: "電話", en: "Phone", .text(maxLength: 40)),
                RegistryField("email", ja: "メール", en: "Email", .text(maxLength: 200)),
                RegistryField("hours", ja: "連絡可能時間", en: "Hours", .text(maxLength: 100)),
                RegistryField("note", ja: "備考", en: "Note", .text(maxLength: 500)),
            ]
        case .documents:
            [
                RegistryField("title", ja: "名称", en: "Title", .text(maxLength: 200), required: true),
                RegistryField(
                    "kind", ja: "種別", en: "Kind",
                    .choice(["operating-rules", "bcp", "incident-procedure", "manual", "network-diagram", "other"]),
                    required: true),
                RegistryField("version", ja: "版", en: "Version", .text(maxLength: 40)),
                RegistryField("approver", ja: "承認者", en: "Approver", .text(maxLength: 100)),
                RegistryField("approvedOn", ja: "承認日", en: "Approved on", .date),
                RegistryField("reviewDue", ja: "次回見直し期限", en: "Review due", .date),
            ]
        case .training:
            [
                RegistryField("heldOn", ja: "実施日", en: "Held on", .date, required: true),
                RegistryField("topic", ja: "内容", en: "Topic", .text(maxLength: 200), required: true),
                RegistryField("attendees", ja: "参加者", en: "Attendees", .text(maxLength: 1000)),
                RegistryField("attendeeCount", ja: "参加人数", en: "Number attending", .count),
                RegistryField("coversIncidents", ja: "インシデント対応を含む", en: "Covers incident response", .flag),
            ]
        case .incidents:
            [
                RegistryField("title", ja: "件名", en: "Title", .text(maxLength: 200), required: true),
                RegistryField("discoveredAt", ja: "発覚日時", en: "Discovered at", .dateTime, required: true),
                RegistryField("peopleAffected", ja: "対象人数", en: "People affected", .count),
                RegistryField("specialCareData", ja: "要配慮個人情報を含む", en: "Special-care data involved", .flag),
                RegistryField("unlawfulIntent", ja: "不正の目的のおそれ", en: "Unlawful intent suspected", .flag),
                RegistryField("financialHarm", ja: "財産的被害のおそれ", en: "Risk of financial harm", .flag),
                RegistryField("encrypted", ja: "高度な暗号化あり", en: "Protected by strong encryption", .flag),
                RegistryField("preliminaryReportedOn", ja: "速報日", en: "Preliminary report on", .date),
                RegistryField("finalReportedOn", ja: "確報日", en: "Final report on", .date),
                RegistryField("summary", ja: "概要（患者氏名は書かない）", en: "Summary (no patient names)", .text(maxLength: 2000)),
            ]
        }
    }

    /// The Japanese name.
    public var ja: String {
        switch self {
        case .officers: "責任者"
        case .devices: "機器台帳"
        case .vendors: "事業者"
        case .contacts: "緊急連絡網"
        case .documents: "規程・文書"
        case .training: "研修記録"
        case .incidents: "インシデント"
        }
    }

    /// The English name.
    public var en: String {
        switch self {
        case .officers: "Officers"
        case .devices: "Devices"
        case .vendors: "Vendors"
        case .contacts: "Incident contacts"
        case .documents: "Rules and documents"
        case .training: "Training"
        case .incidents: "Incidents"
        }
    }

    /// The name in `language`.
    public func name(_ language: String) -> String { language == "en" ? en : ja }
}
