import KuraCore
import Testing

@Suite("Patient name index")
struct PatientNameIndexTests {
    static let patients: [(id: String, kana: String, name: String)] = [
        ("p1", "ヤマダ タロウ", "山田 太郎"),
        ("p2", "やまだ はなこ", "山田 花子"),
        ("p3", "タナカ タロウ", "田中 太郎"),
        ("p4", "ｻﾄｳ ｲﾁﾛｳ", "佐藤 一郎"),
        ("p5", "ジョン・スミス", "John Smith"),
    ]

    @Test("a prefix finds family names, given names and the whole reading, in reading order")
    func prefixes() {
        let index = PatientNameIndex(Self.patients)
        #expect(index.count == 5)
        #expect(index.search(kanaPrefix: "やまだ", limit: 10) == ["p1", "p2"])
        #expect(index.search(kanaPrefix: "ﾔﾏﾀﾞﾀ", limit: 10) == ["p1"])
        #expect(index.search(kanaPrefix: "やまだ　は", limit: 10) == ["p2"])
        #expect(index.search(kanaPrefix: "タロ", limit: 10) == ["p3", "p1"])  // タナカ… before ヤマダ…
        #expect(index.search(kanaPrefix: "タ", limit: 10) == ["p3", "p1"])  // p3 once, though two words match
        #expect(index.search(kanaPrefix: "いちろう", limit: 10) == ["p4"])
        #expect(index.search(kanaPrefix: "サトウ", limit: 10) == ["p4"])
        #expect(index.search(kanaPrefix: "すみす", limit: 10) == ["p5"])
        #expect(index.search(kanaPrefix: "ジョンス", limit: 10) == ["p5"])
        #expect(index.search(kanaPrefix: "ロウ", limit: 10) == [])  // not at a word start
    }

    @Test("a name substring finds names as written and, for kana typed there, readings")
    func names() {
        let index = PatientNameIndex(Self.patients)
        #expect(index.search(name: "田", limit: 10) == ["p3", "p1", "p2"])
        #expect(index.search(name: "太郎", limit: 10) == ["p3", "p1"])
        #expect(index.search(name: "たろう", limit: 10) == ["p3", "p1"])
        #expect(index.search(name: "ｲﾁﾛｳ", limit: 10) == ["p4"])
        #expect(index.search(name: "smith", limit: 10) == ["p5"])
        #expect(index.search(name: "ＳＭＩＴＨ", limit: 10) == ["p5"])
        #expect(index.search(name: "山田花子", limit: 10) == ["p2"])
        #expect(index.search(name: "鈴木", limit: 10) == [])
    }

    @Test("empty, blank and limit-0 searches return nothing")
    func refusals() {
        let index = PatientNameIndex(Self.patients)
        for query in ["", " ", "\u{3000}", "・", "ー"] {
            #expect(index.search(kanaPrefix: query, limit: 10) == [])
        }
        for query in ["", " ", "\u{3000}\t"] {
            #expect(index.search(name: query, limit: 10) == [])
        }
        #expect(index.search(kanaPrefix: "ヤ", limit: 0) == [])
        #expect(index.search(name: "田", limit: -1) == [])
    }

    @Test("upsert of an existing id replaces its keys; remove removes; unknown ids are ignored")
    func upsertAndRemove() {
        var index = PatientNameIndex(Self.patients)
        index.upsert(id: "p1", kana: "スズキ タロウ", name: "鈴木 太郎")
        #expect(index.count == 5)
        #expect(index.search(kanaPrefix: "ヤマダ", limit: 10) == ["p2"])
        #expect(index.search(kanaPrefix: "スズキ", limit: 10) == ["p1"])
        #expect(index.search(kanaPrefix: "タロ", limit: 10) == ["p1", "p3"])
        #expect(index.search(name: "山田", limit: 10) == ["p2"])
        index.remove(id: "p2")
        index.remove(id: "nobody")
        #expect(index.count == 4)
        #expect(index.search(kanaPrefix: "ヤマダ", limit: 10) == [])
        #expect(index.search(name: "花子", limit: 10) == [])
        index.upsert(id: "p6", kana: "やまだ じろう", name: "山田 次郎")
        #expect(index.search(kanaPrefix: "ヤマダ", limit: 10) == ["p6"])
        #expect(index.count == 5)
    }

    @Test("the limit keeps the first results in order, whole-reading and word matches alike")
    func limits() {
        var patients: [(id: String, kana: String, name: String)] = []
        for number in 0..<30 {
            patients.append(("a\(number)", "アオキ \(number % 2 == 0 ? "ケン" : "アキラ")", "青木"))
            patients.append(("z\(number)", "ワタナベ アキ", "渡辺"))
        }
        let index = PatientNameIndex(patients)
        let all = index.search(kanaPrefix: "ア", limit: 100)
        #expect(all.count == 60)
        // アオキアキラ < アオキケン < ワタナベアキ; ids in String order within one reading.
        let odd = (0..<30).filter { $0 % 2 == 1 }.map { "a\($0)" }.sorted()
        let even = (0..<30).filter { $0 % 2 == 0 }.map { "a\($0)" }.sorted()
        let wata = (0..<30).map { "z\($0)" }.sorted()
        #expect(all == odd + even + wata)
        for limit in [1, 5, 15, 16, 44, 59] {
            #expect(index.search(kanaPrefix: "ア", limit: limit) == Array(all.prefix(limit)))
        }
        #expect(index.search(kanaPrefix: "アキ", limit: 3) == Array(odd.prefix(3)))
        #expect(index.search(name: "渡辺", limit: 2) == Array(wata.prefix(2)))
    }

    @Test("results do not depend on insertion order or on bulk versus single inserts")
    func stableOrder() {
        let bulk = PatientNameIndex(Self.patients)
        var single = PatientNameIndex()
        for patient in Self.patients.reversed() {
            single.upsert(id: patient.id, kana: patient.kana, name: patient.name)
        }
        for query in ["ヤ", "タ", "サ", "ジ", "イ", "ス"] {
            #expect(bulk.search(kanaPrefix: query, limit: 10) == single.search(kanaPrefix: query, limit: 10))
        }
        for query in ["田", "郎", "h"] {
            #expect(bulk.search(name: query, limit: 10) == single.search(name: query, limit: 10))
        }
    }

    @Test("thousands of updates to the same patients leave one current entry each (arena compaction)")
    func manyUpdates() {
        var index = PatientNameIndex(Self.patients)
        for round in 0..<5_000 {
            index.upsert(id: "p\(1 + round % 3)", kana: "カワ\(round) マツ", name: "河\(round)")
        }
        #expect(index.count == 5)
        // The last rounds: 4997 % 3 == 2 → p3, 4998 → p1, 4999 → p2.
        #expect(index.search(kanaPrefix: "カワ", limit: 10) == ["p3", "p1", "p2"])
        #expect(index.search(kanaPrefix: "マツ", limit: 10) == ["p3", "p1", "p2"])
        #expect(index.search(name: "河4999", limit: 10) == ["p2"])
        #expect(index.search(name: "河4998", limit: 10) == ["p1"])
        #expect(index.search(kanaPrefix: "ヤマダ", limit: 10) == [])
        #expect(index.search(kanaPrefix: "ジョン", limit: 10) == ["p5"])
    }

    @Test("absurdly long input is cut, not refused, and an empty id is an ordinary id")
    func oddInput() {
        var index = PatientNameIndex()
        let longReading = Array(repeating: "アイウエオ", count: 200).joined(separator: " ")
        index.upsert(id: "", kana: longReading, name: String(repeating: "長", count: 2_000))
        index.upsert(id: "x", kana: "", name: "")
        #expect(index.count == 2)
        #expect(index.search(kanaPrefix: "アイウエオアイ", limit: 10) == [""])
        #expect(index.search(name: "長長", limit: 10) == [""])
        index.remove(id: "")
        #expect(index.search(kanaPrefix: "ア", limit: 10) == [])
        #expect(index.count == 1)
    }

    @Test("a set of ids comes back in reading order, cut at the limit, without ids the index lacks")
    func orderedSubset() {
        var index = PatientNameIndex([
            (id: "p1", kana: "ワタナベ ケン", name: "渡辺 健"), (id: "p2", kana: "あべ まり", name: "阿部 真理"),
            (id: "p3", kana: "ｶﾄｳ ﾕｲ", name: "加藤 結"), (id: "p4", kana: "イトウ ジロウ", name: "伊藤 次郎"),
        ])
        #expect(index.ordered(["p1", "p2", "p3", "p4"], limit: 10) == ["p2", "p4", "p3", "p1"])
        #expect(index.ordered(["p1", "p3", "missing"], limit: 10) == ["p3", "p1"])
        #expect(index.ordered(["p1", "p2", "p3", "p4"], limit: 2) == ["p2", "p4"])
        index.remove(id: "p4")
        #expect(index.ordered(["p4", "p1"], limit: 10) == ["p1"])
        #expect(index.ordered([], limit: 10) == [])
    }
}
