import KuraCore
import Testing

/// The checklist data format (issue 8): a readable file parses into items, and every mistake a
/// person editing it could make is reported with the file's name and the line.
@Suite("Checklist data files")
struct ChecklistFileParsingTests {
    static let header = """
        # a comment
        checklist: test-form
        edition: R7
        published: 2025-05-16
        form: institution
        title-ja: テスト
        title-en: Test
        source: catalog 3.3

        """

    static let autoItem = """
        item: inst-2-10
          number: 2⑩
          title-ja: 二要素認証
          title-en: Two factors
          requirements: MFA-1, MFA-3
          evaluation: auto
          evaluator: mfa-1
          source: catalog 3.3
          confidence: unverified

        """

    func parse(_ text: String) throws(ChecklistFileError) -> ChecklistFile {
        try ChecklistFile(parsing: text, name: "test.checklist")
    }

    @Test("a file with auto, prefilled and manual items parses with every field")
    func parsesEveryKind() throws {
        let text =
            Self.header + Self.autoItem + """
                item: inst-1-1
                  number: 1①
                  title-ja: 責任者
                  title-en: Officer
                  requirements: GOV-1
                  evaluation: prefilled
                  registry: officers
                  source: catalog 3.3
                  confidence: primary
                  note-ja: 確認する
                  note-en: A person confirms
                # a comment between items, and a value with # inside
                item: inst-2-9
                  number: 2⑨
                  title-ja: USB #1
                  title-en: USB
                  requirements: DEV-1
                  evaluation: manual
                  source: catalog 3.3
                  confidence: primary
                """
        let file = try parse(text)
        #expect(file.id == "test-form" && file.edition == "R7" && file.published == "2025-05-16")
        #expect(file.form == .institution && file.title == BilingualText(ja: "テスト", en: "Test"))
        #expect(file.items.map(\.id) == ["inst-2-10", "inst-1-1", "inst-2-9"])
        let mfa = try #require(file.item("inst-2-10"))
        #expect(mfa.number == "2⑩" && mfa.requirements == ["MFA-1", "MFA-3"] && mfa.evaluation == .auto(.mfa1))
        #expect(mfa.confidence == .unverified && mfa.line == 9 && mfa.note == nil)
        let officer = try #require(file.item("inst-1-1"))
        #expect(officer.evaluation == .prefilled(.officers))
        #expect(officer.note == BilingualText(ja: "確認する", en: "A person confirms"))
        #expect(file.item("inst-2-9")?.evaluation == .manual)
        #expect(file.item("inst-2-9")?.title.ja == "USB #1")
    }

    @Test("CRLF line ends, a byte-order mark and trailing spaces are accepted")
    func windowsEditor() throws {
        let text = "\u{FEFF}" + (Self.header + Self.autoItem).replacingLines { $0 + "  " }.replacingLines { $0 + "\r" }
        let file = try parse(text)
        #expect(file.items.first?.evaluation == .auto(.mfa1))
        #expect(file.id == "test-form")
    }

    @Test("the requirements form needs no number and no requirement list")
    func requirementsForm() throws {
        let text = """
            checklist: guideline-v6
            edition: 6.0
            published: 2023-05
            form: requirements
            title-ja: 要求事項
            title-en: Requirements
            source: catalog 2
            item: AUTH-3
              title-ja: パスワード
              title-en: Passwords
              evaluation: auto
              evaluator: auth-3-4
              source: catalog 2.2
              confidence: primary
            """
        let file = try parse(text)
        #expect(file.items.first?.number == nil && file.items.first?.requirements == [])
    }
}

extension String {
    /// Applies `change` to every line.
    func replacingLines(_ change: (String) -> String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { change(String($0)) }.joined(separator: "\n")
    }
}
