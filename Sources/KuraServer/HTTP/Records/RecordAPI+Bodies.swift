import KuraCore
import KuraStore

// The request and answer bodies of the record API, as `OpenAPIText` describes them.

struct RegisterPatientRequest: Codable {
    var demographics: PatientDemographics
    var careTeam: [String]?
}

struct UpdatePatientRequest: Codable {
    var demographics: PatientDemographics
    var revision: Int64
}

struct MergeRequest: Codable {
    var into: String
    var reason: String
    var revision: Int64
}

struct UnmergeRequest: Codable {
    var reason: String
    var revision: Int64
}

struct CareTeamRequest: Codable {
    var accountID: String
}

struct PutListRequest: Codable {
    var items: [PatientListItems.Item]
    var revision: Int64?
}

struct NewEntryRequest: Codable {
    var kind: String
    var content: EntryContent
    var careAt: Int64?
    var onBehalfOf: String?
    var finalize: Bool?
}

struct EditEntryRequest: Codable {
    var content: EntryContent
    var revision: Int64
}

struct RevisionRequest: Codable {
    var revision: Int64
}

struct AmendRequest: Codable {
    var content: EntryContent
    var reason: String
    var revision: Int64
}

struct ReasonRequest: Codable {
    var reason: String
    var revision: Int64
}

struct PatientsReply: Codable {
    var patients: [PatientSummary]
}

struct EntriesReply: Codable {
    var entries: [EntryView]
}

struct VersionsReply: Codable {
    var versions: [VersionView]
}
