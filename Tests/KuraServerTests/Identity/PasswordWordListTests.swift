import Foundation
import KuraCore
import KuraServer
import Testing

@Suite("PasswordWordList: the configured or system word list feeds the dictionary rule (AUTH-3)")
struct PasswordWordListTests {
    let context = PasswordContext(login: "yamada.t", names: ["山田 太郎"], clinicName: nil)

    @Test("a configured list is read; its words are refused")
    func configured() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kura-wordlist-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("words.txt").path
        try "Kinmokusei\r\nhanabi\nab\n".write(toFile: path, atomically: true, encoding: .utf8)
        let dictionary = try #require(try PasswordWordList.load(configuredPath: path))
        #expect(dictionary.count == 2)
        #expect(
            PasswordPolicy.standard.check("kinmokusei!2024", context: context, dictionary: dictionary)
                == .dictionaryWord)
        #expect(PasswordPolicy.standard.check("kinmokusei!2024", context: context, dictionary: nil) == nil)
    }

    @Test("a configured list that is missing or a folder is an error naming only the path")
    func unreadable() throws {
        let missing = "/nonexistent/kura/words.txt"
        #expect(throws: PasswordWordListError.unreadable(path: missing)) {
            try PasswordWordList.load(configuredPath: missing)
        }
        #expect(
            PasswordWordListError.unreadable(path: missing).description
                == "password word list \(missing) is missing or not readable")
        let folder = FileManager.default.temporaryDirectory.path
        #expect(throws: PasswordWordListError.unreadable(path: folder)) {
            try PasswordWordList.load(configuredPath: folder)
        }
    }

    @Test("without a configured list, the system list is used when one is installed")
    func systemFallback() throws {
        let installed = PasswordWordList.systemPaths.contains { FileManager.default.isReadableFile(atPath: $0) }
        let dictionary = try PasswordWordList.load(configuredPath: nil)
        #expect((dictionary != nil) == installed)
    }

    @Test(
        "with Debian's wamerican list, real dictionary words are refused and passphrases still pass",
        .enabled(if: FileManager.default.isReadableFile(atPath: "/usr/share/dict/words"))
    )
    func realWords() throws {
        let dictionary = try #require(try PasswordWordList.load(configuredPath: nil))
        #expect(dictionary.count > 10_000)
        for password in ["Elephant2024!", "Butterfly#99", "understanding", "Mountain!1990", "Hospitality!7"] {
            #expect(
                PasswordPolicy.standard.check(password, context: context, dictionary: dictionary) == .dictionaryWord,
                "\(password)")
        }
        for password in [
            "correct horse battery staple", "correcthorsebatterystaple", "purple-giraffe-dances-7", "Tr9$kLm2#pQx",
            "xK7!vN2@qR5#", "9Lives&2Moons", "zR8!elephant", "猫と月と自転車の古いうたごえ", "mango tango 1987 jazz",
        ] {
            #expect(
                PasswordPolicy.standard.check(password, context: context, dictionary: dictionary) == nil, "\(password)")
        }
    }
}
