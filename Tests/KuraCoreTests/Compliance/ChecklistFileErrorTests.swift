import KuraCore
import Testing

/// Mistakes in a checklist data file give an error naming the file and the line (issue 8: "a
/// checklist data file that fails to parse gives a clear error naming the line").
@Suite("Checklist data file errors")
struct ChecklistFileErrorTests {
    /// A valid file whose line `line` (1-based) is replaced to make one mistake.
    static let lines = [
        "checklist: test-form",  // 1
        "edition: R7",  // 2
        "published: 2025-05-16",  // 3
        "form: institution",  // 4
        "title-ja: テスト",  // 5
        "title-en: Test",  // 6
        "source: catalog 3.3",  // 7
        "",  // 8
        "item: inst-2-10",  // 9
        "  number: 2⑩",  // 10
        "  title-ja: 二要素認証",  // 11
        "  title-en: Two factors",  // 12
        "  requirements: MFA-1",  // 13
        "  evaluation: auto",  // 14
        "  evaluator: mfa-1",  // 15
        "  source: catalog 3.3",  // 16
        "  confidence: unverified",  // 17
        "",  // 18
        "item: inst-1-1",  // 19
        "  number: 1①",  // 20
        "  title-ja: 責任者",  // 21
        "  title-en: Officer",  // 22
        "  requirements: GOV-1",  // 23
        "  evaluation: prefilled",  // 24
        "  registry: officers",  // 25
        "  source: catalog 3.3",  // 26
        "  confidence: primary",  // 27
    ]

    static func file(replacing line: Int, with text: String) -> String {
        var lines = Self.lines
        lines[line - 1] = text
        return lines.joined(separator: "\n")
    }

    static let cases: [(line: Int, text: String, problem: ChecklistFileError.Problem, reported: Int)] = [
        (15, "  evaluator: mfa-9", .unknownEvaluator("mfa-9"), 15),
        (14, "  evaluation: automatic", .unknownEvaluation("automatic"), 14),
        (17, "  confidence: sure", .unknownConfidence("sure"), 17),
        (25, "  registry: staff", .unknownRegistry("staff"), 25),
        (12, "  titel-en: Two factors", .unknownKey("titel-en"), 12),
        (12, "   title-en: Two factors", .badIndentation, 12),
        (12, "\ttitle-en: Two factors", .badIndentation, 12),
        (12, "title-en: Two factors", .badIndentation, 12),
        (2, "  edition: R7", .badIndentation, 2),
        (12, "  title-en Two factors", .missingColon, 12),
        (12, "  title-en:", .emptyValue("title-en"), 12),
        (12, "  title-ja: again", .duplicateKey("title-ja"), 12),
        (19, "item: inst-2-10", .duplicateID("inst-2-10"), 19),
        (19, "item:", .missingID, 19),
        (19, "item: inst 1", .invalidID("inst 1"), 19),
        (19, "  item: inst-1-1", .badIndentation, 19),
        (13, "  requirements: MFA-1, mfa1", .invalidRequirement("mfa1"), 13),
        (15, "  # evaluator removed", .missingItemKey("evaluator"), 9),
        (15, "  registry: officers", .keyNotAllowed("registry"), 15),
        (25, "  evaluator: mfa-1", .keyNotAllowed("evaluator"), 25),
        (10, "  note-ja: 注", .missingItemKey("number"), 9),
        (4, "form: hospital", .unknownForm("hospital"), 4),
        (3, "published: 2025-02-30", .invalidDate("2025-02-30"), 3),
        (2, "# edition removed", .missingHeaderKey("edition"), 9),
    ]

    @Test("each mistake names its line and what is wrong", arguments: cases)
    func mistakes(_ mistake: (line: Int, text: String, problem: ChecklistFileError.Problem, reported: Int)) {
        let text = Self.file(replacing: mistake.line, with: mistake.text)
        #expect(throws: ChecklistFileError(file: "bad.checklist", line: mistake.reported, problem: mistake.problem)) {
            try ChecklistFile(parsing: text, name: "bad.checklist")
        }
    }

    @Test("the message reads like a compiler's: file, line, then the problem")
    func message() throws {
        let text = Self.file(replacing: 15, with: "  evaluator: mfa-9")
        let error = try #require(throws: ChecklistFileError.self) {
            try ChecklistFile(parsing: text, name: "r7.checklist")
        }
        #expect(error.description == "r7.checklist:15: unknown evaluator `mfa-9`")
    }

    @Test("a manual item naming a registry, a file with no items, and bytes that are not UTF-8 are refused")
    func otherRefusals() {
        #expect(throws: ChecklistFileError(file: "f", line: 25, problem: .keyNotAllowed("registry"))) {
            try ChecklistFile(parsing: Self.file(replacing: 24, with: "  evaluation: manual"), name: "f")
        }
        let headerOnly = Self.lines.prefix(7).joined(separator: "\n")
        #expect(throws: ChecklistFileError(file: "f", line: 7, problem: .noItems)) {
            try ChecklistFile(parsing: headerOnly, name: "f")
        }
        #expect(throws: ChecklistFileError(file: "f", line: 1, problem: .notUTF8)) {
            try ChecklistFile(parsing: [0x63, 0xFF, 0x3A], name: "f")
        }
    }

    @Test("a long quoted value is cut in the message")
    func longValue() {
        let error = ChecklistFileError(file: "f", line: 3, problem: .unknownKey(String(repeating: "x", count: 100)))
        #expect(error.message.count < 70)
    }
}
