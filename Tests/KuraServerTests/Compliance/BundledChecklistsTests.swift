import KuraCore
import KuraServer
import Testing

/// The data files compiled into the binary parse, and hold together (issue 8).
@Suite("Bundled checklists")
struct BundledChecklistsTests {
    @Test("every bundled file parses, and its id names the file")
    func parses() throws {
        let files = try BundledChecklists.load()
        #expect(files.map(\.id) == ["mhlw-r7-institution", "mhlw-r7-vendor", "guideline-v6"])
        #expect(files.map(\.form) == [.institution, .vendor, .requirements])
        for file in files { #expect(!file.items.isEmpty, "\(file.id)") }
    }

    @Test("item ids are unique across all bundled files")
    func uniqueIDs() throws {
        let ids = try BundledChecklists.load().flatMap(\.items).map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test("every auto item names an evaluator that exists, and every evaluator is used")
    func evaluatorsExist() throws {
        let items = try BundledChecklists.load().flatMap(\.items)
        var used: Set<EvaluatorID> = []
        for item in items {
            guard case .auto(let evaluator) = item.evaluation else { continue }
            #expect(EvaluatorID.allCases.contains(evaluator), "\(item.id)")
            used.insert(evaluator)
        }
        #expect(used == Set(EvaluatorID.allCases))
    }

    @Test("every requirement a checklist item maps to is listed in the requirements file")
    func requirementsResolve() throws {
        let files = try BundledChecklists.load()
        let requirements = try #require(files.first { $0.form == .requirements })
        let known = Set(requirements.items.map(\.id))
        for file in files where file.form != .requirements {
            for item in file.items {
                for id in item.requirements { #expect(known.contains(id), "\(file.id) \(item.id) → \(id)") }
            }
        }
    }

    @Test("the catalog's unverified R7 items (2⑩, 2⑪, section 4) stay marked unverified")
    func unverifiedCarried() throws {
        let institution = try #require(try BundledChecklists.load().first { $0.form == .institution })
        for id in ["inst-2-10", "inst-2-11", "inst-4"] {
            #expect(institution.item(id)?.confidence == .unverified, "\(id)")
        }
    }

    @Test("prefilled items use only the registries Kura keeps")
    func registries() throws {
        var used: Set<RegistryID> = []
        for item in try BundledChecklists.load().flatMap(\.items) {
            if case .prefilled(let registry) = item.evaluation { used.insert(registry) }
        }
        #expect(used == Set(RegistryID.allCases))
    }
}
