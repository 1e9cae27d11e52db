import KuraCore

/// The checklist data files compiled into the binary (issue 8). `Package.swift` embeds them
/// with `.embedInCode`, so the single `kura` executable needs no resource bundle beside it;
/// parsing is KuraCore's (``ChecklistFile/init(parsing:name:)``).
public enum BundledChecklists {
    /// One embedded data file.
    public struct File: Sendable {
        /// The file's name in `Sources/KuraServer/Checklists/`.
        public let name: String
        /// Its bytes, exactly as in the repository.
        public let bytes: [UInt8]
    }

    /// Every bundled file: the R7 institution and vendor forms and the guideline requirements.
    public static let files: [File] = [
        File(name: "mhlw-r7-institution.checklist", bytes: PackageResources.mhlw_r7_institution_checklist),
        File(name: "mhlw-r7-vendor.checklist", bytes: PackageResources.mhlw_r7_vendor_checklist),
        File(name: "guideline-v6.requirements", bytes: PackageResources.guideline_v6_requirements),
    ]

    /// Parses every bundled file, in the order of ``files``; a test parses them all, so this
    /// throws only if a file was edited without running the tests.
    public static func load() throws(ChecklistFileError) -> [ChecklistFile] {
        var parsed: [ChecklistFile] = []
        for file in files { parsed.append(try ChecklistFile(parsing: file.bytes, name: file.name)) }
        return parsed
    }
}
