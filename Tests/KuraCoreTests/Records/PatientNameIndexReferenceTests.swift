import KuraCore
import Testing

/// The index against a slow, obviously correct reference over random readings, inserts, updates
/// and removals (a fixed seed, so failures repeat).
@Suite("Patient name index against a reference")
struct PatientNameIndexReferenceTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let syllables = ["ア", "カ", "ガ", "サ", "タ", "ナ", "ハ", "パ", "マ", "ヤ", "ラ", "ワ", "ン", "キ", "シ", "ョ", "ー"]

    struct Patient {
        var kana: String
        var name: String
        var readingKey: [UInt8] { Array(words.joined().utf8) }
        var words: [String] { kana.split(separator: " ").map { KanaNormalizer.normalize($0) }.filter { !$0.isEmpty } }
    }

    static func reading(_ generator: inout Generator) -> String {
        (0..<(1 + generator.next(3))).map { _ in
            (0..<(1 + generator.next(4))).map { _ in syllables[generator.next(syllables.count)] }.joined()
        }.joined(separator: " ")
    }

    static func before(_ lhs: (String, Patient), _ rhs: (String, Patient)) -> Bool {
        let left = lhs.1.readingKey
        let right = rhs.1.readingKey
        return left == right ? lhs.0 < rhs.0 : left.lexicographicallyPrecedes(right)
    }

    static func referencePrefix(_ patients: [String: Patient], _ query: String, limit: Int) -> [String] {
        let prefix = Array(KanaNormalizer.normalize(query).utf8)
        guard !prefix.isEmpty else { return [] }
        let matches = patients.filter { _, patient in
            let words = patient.words
            return words.indices.contains { Array(words[$0...].joined().utf8).starts(with: prefix) }
        }
        return matches.sorted(by: before).prefix(limit).map(\.key)
    }

    static func referenceName(_ patients: [String: Patient], _ query: String, limit: Int) -> [String] {
        let nameKey = KanaNormalizer.normalizeName(query)
        let readingKey = KanaNormalizer.normalize(query)
        let matches = patients.filter { _, patient in
            (!nameKey.isEmpty && KanaNormalizer.normalizeName(patient.name).utf8.contains(nameKey.utf8))
                || (!readingKey.isEmpty && patient.readingKey.contains(Array(readingKey.utf8)))
        }
        return matches.sorted(by: before).prefix(limit).map(\.key)
    }

    @Test("random operations: every prefix and name search matches the reference")
    func randomOperations() {
        var generator = Generator(state: 42)
        var reference: [String: Patient] = [:]
        var initial: [(id: String, kana: String, name: String)] = []
        for number in 0..<300 {
            let patient = Patient(kana: Self.reading(&generator), name: "患者\(generator.next(50))")
            reference["id\(number)"] = patient
            initial.append(("id\(number)", patient.kana, patient.name))
        }
        var index = PatientNameIndex(initial)
        for round in 0..<600 {
            let id = "id\(generator.next(400))"
            if generator.next(4) == 0 {
                index.remove(id: id)
                reference[id] = nil
            } else {
                let patient = Patient(kana: Self.reading(&generator), name: "患者\(generator.next(50))")
                index.upsert(id: id, kana: patient.kana, name: patient.name)
                reference[id] = patient
            }
            guard round % 20 == 0 else { continue }
            #expect(index.count == reference.count)
            for _ in 0..<10 {
                let query = (0..<(1 + generator.next(3))).map { _ in
                    Self.syllables[generator.next(Self.syllables.count)]
                }
                .joined()
                let limit = [1, 3, 10, 1000][generator.next(4)]
                #expect(
                    index.search(kanaPrefix: query, limit: limit)
                        == Self.referencePrefix(reference, query, limit: limit),
                    "\(query) \(limit)")
                #expect(
                    index.search(name: query, limit: limit) == Self.referenceName(reference, query, limit: limit))
                let name = "患者\(generator.next(50))"
                #expect(index.search(name: name, limit: limit) == Self.referenceName(reference, name, limit: limit))
            }
        }
    }
}
