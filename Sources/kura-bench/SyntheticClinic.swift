import KuraCore
import KuraServer
import KuraStore

/// Made-up patients and notes for `kura-bench records`: common surnames and given names in
/// kanji and kana, numbered patient numbers, and short clinical phrases. Nothing here belongs
/// to a person; the same seed gives the same data.
struct SyntheticClinic: Sendable {
    /// Family names as written and read.
    static let families: [(name: String, kana: String)] = [
        ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"), ("伊藤", "イトウ"),
        ("渡辺", "ワタナベ"), ("山本", "ヤマモト"), ("中村", "ナカムラ"), ("小林", "コバヤシ"), ("加藤", "カトウ"),
        ("吉田", "ヨシダ"), ("山田", "ヤマダ"), ("佐々木", "ササキ"), ("山口", "ヤマグチ"), ("松本", "マツモト"),
        ("井上", "イノウエ"), ("木村", "キムラ"), ("林", "ハヤシ"), ("斎藤", "サイトウ"), ("清水", "シミズ"),
        ("山崎", "ヤマザキ"), ("森", "モリ"), ("池田", "イケダ"), ("橋本", "ハシモト"), ("阿部", "アベ"),
        ("石川", "イシカワ"), ("山下", "ヤマシタ"), ("中島", "ナカジマ"), ("石井", "イシイ"), ("小川", "オガワ"),
        ("前田", "マエダ"), ("岡田", "オカダ"), ("長谷川", "ハセガワ"), ("藤田", "フジタ"), ("後藤", "ゴトウ"),
        ("近藤", "コンドウ"), ("村上", "ムラカミ"), ("遠藤", "エンドウ"), ("青木", "アオキ"), ("坂本", "サカモト"),
        ("斉藤", "サイトウ"), ("福田", "フクダ"), ("太田", "オオタ"), ("西村", "ニシムラ"), ("藤井", "フジイ"),
        ("金子", "カネコ"), ("岡本", "オカモト"), ("藤原", "フジワラ"), ("中野", "ナカノ"), ("三浦", "ミウラ"),
        ("原田", "ハラダ"), ("中川", "ナカガワ"), ("松田", "マツダ"), ("竹内", "タケウチ"), ("小野", "オノ"),
        ("田村", "タムラ"), ("中山", "ナカヤマ"), ("和田", "ワダ"), ("石田", "イシダ"), ("森田", "モリタ"),
    ]

    /// Given names as written and read.
    static let givens: [(name: String, kana: String)] = [
        ("太郎", "タロウ"), ("花子", "ハナコ"), ("一郎", "イチロウ"), ("幸子", "サチコ"), ("健一", "ケンイチ"),
        ("和子", "カズコ"), ("正男", "マサオ"), ("節子", "セツコ"), ("浩二", "コウジ"), ("恵子", "ケイコ"),
        ("博", "ヒロシ"), ("洋子", "ヨウコ"), ("茂", "シゲル"), ("京子", "キョウコ"), ("清", "キヨシ"),
        ("美智子", "ミチコ"), ("実", "ミノル"), ("久美子", "クミコ"), ("勇", "イサム"), ("由美子", "ユミコ"),
        ("誠", "マコト"), ("明美", "アケミ"), ("隆", "タカシ"), ("裕子", "ユウコ"), ("進", "ススム"),
        ("智子", "トモコ"), ("修", "オサム"), ("直子", "ナオコ"), ("功", "イサオ"), ("順子", "ジュンコ"),
        ("昭", "アキラ"), ("文子", "フミコ"), ("豊", "ユタカ"), ("陽子", "ヨウコ"), ("稔", "ミノル"),
        ("静香", "シズカ"), ("弘", "ヒロム"), ("千代", "チヨ"), ("翔太", "ショウタ"), ("さくら", "サクラ"),
    ]

    static let subjective = [
        "夜間の咳嗽なし", "食欲やや低下", "腰痛の訴えあり", "睡眠良好", "息切れ軽度", "便秘傾向", "疼痛自制内",
        "ふらつきの訴えなし",
    ]
    static let objective = [
        "血圧 128/76、脈拍 72、SpO2 97%", "体温 36.5℃、下肢浮腫軽度", "呼吸音清、心雑音なし", "褥瘡 仙骨部 d1、改善傾向",
        "血圧 142/88、脈拍 80、SpO2 95%", "体重 52.3kg、前回より -0.4kg",
    ]
    static let assessment = ["状態安定", "心不全 増悪なし", "慢性疼痛 コントロール良好", "脱水傾向", "経過良好"]
    static let plan = ["内服継続", "次回 2 週後訪問", "利尿薬減量を検討", "水分摂取を指導", "訪問看護と情報共有"]

    /// The seed of the generator: every run seeds the same data (ids are still random).
    var seed: UInt64 = 0x6B75_7261_6265_6E63

    /// The demographics of patient `number` (0-based): a name and reading from the lists, a
    /// patient number, a birth date between 1920 and 2009, a sex.
    func demographics(_ number: Int) -> PatientDemographics {
        var random = Self.generator(seed, number)
        let family = Self.families[Int(random.next() % UInt64(Self.families.count))]
        let given = Self.givens[Int(random.next() % UInt64(Self.givens.count))]
        let year = 1920 + Int(random.next() % 90)
        let month = 1 + Int(random.next() % 12)
        let day = 1 + Int(random.next() % 28)
        return PatientDemographics(
            patientNumber: "P-\(Self.padded(number + 1, 7))", name: "\(family.name) \(given.name)",
            kana: "\(family.kana) \(given.kana)", birthDate: "\(year)-\(Self.padded(month, 2))-\(Self.padded(day, 2))",
            sex: random.next() % 2 == 0 ? "female" : "male", address: "東京都千代田区\(number % 9 + 1)-\(number % 30 + 1)",
            phone: "03-0000-\(Self.padded(number % 10000, 4))")
    }

    /// The three structured lists of patient `number`, one to three items each.
    func lists(_ number: Int) -> [(PatientListKind, PatientListItems)] {
        var random = Self.generator(seed ^ 0x4C49_5354, number)
        func items(_ pool: [String]) -> PatientListItems {
            let count = 1 + Int(random.next() % 3)
            return PatientListItems(
                items: (0..<count).map { offset in
                    PatientListItems.Item(text: pool[(Int(random.next() % UInt64(pool.count)) + offset) % pool.count])
                })
        }
        return [
            (.allergies, items(["ペニシリン系", "造影剤", "卵", "なし（聴取済み）"])),
            (.problems, items(["慢性心不全", "2 型糖尿病", "高血圧症", "認知症", "変形性膝関節症"])),
            (.medications, items(["フロセミド 20mg 1 錠 朝", "アムロジピン 5mg 1 錠 朝", "メトホルミン 250mg 2 錠", "酸化マグネシウム 330mg"])),
        ]
    }

    /// The `index`-th entry written for a patient, as the API receives it with `"finalize": true`:
    /// mostly SOAP progress notes, every fifth a home visit (its care time an hour before `now`),
    /// every tenth a prescription note.
    func entry(_ index: Int, patient number: Int, now: Int64) -> NewEntry {
        var random = Self.generator(seed ^ UInt64(truncatingIfNeeded: index), number)
        func pick(_ pool: [String]) -> String { pool[Int(random.next() % UInt64(pool.count))] }
        if index % 5 == 4 {
            return NewEntry(
                kind: "home-visit",
                content: EntryContent(
                    fields: [
                        "place": "自宅", "subjective": pick(Self.subjective), "objective": pick(Self.objective),
                        "assessment": pick(Self.assessment), "plan": pick(Self.plan),
                    ], visitEndedAt: now - 3_000_000),
                careAt: now - 3_600_000, finalize: true)
        }
        if index % 10 == 7 {
            return NewEntry(
                kind: "prescription-note",
                content: EntryContent(
                    fields: ["prescription": pick(Self.plan) + "、定期処方 28 日分", "note": pick(Self.assessment)]),
                finalize: true)
        }
        return NewEntry(
            kind: "progress-note",
            content: EntryContent(
                fields: [
                    "subjective": pick(Self.subjective), "objective": pick(Self.objective),
                    "assessment": pick(Self.assessment), "plan": pick(Self.plan),
                ]),
            finalize: true)
    }

    /// The `index`-th progress note of the write phases, finalized: what the HTTP clients send
    /// (``entryBody(_:)``) and what the write baseline's rows are built from.
    static func progressNote(_ index: Int) -> NewEntry {
        NewEntry(
            kind: "progress-note",
            content: EntryContent(
                fields: [
                    "subjective": subjective[index % subjective.count], "objective": objective[index % objective.count],
                    "assessment": assessment[index % assessment.count], "plan": plan[index % plan.count],
                ]),
            finalize: true)
    }

    /// The JSON body of `POST /api/v1/patients/{id}/entries` for ``progressNote(_:)``.
    static func entryBody(_ index: Int) -> String {
        let fields = progressNote(index).content.fields.sorted { $0.key < $1.key }
            .map { #""\#($0.key)":"\#($0.value)""# }.joined(separator: ",")
        return #"{"kind":"progress-note","finalize":true,"content":{"fields":{\#(fields)}}}"#
    }

    /// `value` in decimal with leading zeros to `width` digits.
    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// A small deterministic generator for one item (SplitMix64).
    static func generator(_ seed: UInt64, _ item: Int) -> SplitMix64 {
        SplitMix64(state: seed &+ UInt64(truncatingIfNeeded: item) &* 0x9E37_79B9_7F4A_7C15)
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): fast, good enough to vary synthetic data.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
