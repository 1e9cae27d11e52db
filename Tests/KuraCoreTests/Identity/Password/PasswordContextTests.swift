import KuraCore
import Testing

@Suite("Context words: login, names, clinic and \"kura\" are refused anywhere (AUTH-3)")
struct PasswordContextTests {
    let policy = PasswordPolicy.standard
    let context = PasswordContext(
        login: "h_suzuki-01", names: ["鈴木 花子", "Suzuki Hanako", "Hana"], clinicName: "Aoba Home Clinic")

    @Test(
        "a password containing any context word in any case or leetspeak is refused",
        arguments: [
            "x9!H_SUZUKI-01q", "zq8!Suzuki#xw", "5uzuk1-rocks-93", "qz!hanako-8wv", "Hana#9zqxw!",
            "x9!鈴木です花z", "v8#花子qzw!x", "zq8!AOBA-x7vw", "Home#9zqxw!v", "clinic-9!zqvw",
            "aobahomeclinic!2", "xK9!kura#vw", "KURA-9!zqvwx", "k\u{FF35}ra-9!zqvwx",
        ])
    func refused(password: String) {
        #expect(policy.check(password, context: context, dictionary: nil) == .contextWord)
    }

    @Test(
        "short parts of names do not count, unless they are two non-ASCII characters",
        arguments: [("Ho9!xq#zvw", nil), ("x8#hO!zq2w", nil), ("zq8!鈴木x#v", PasswordRefusal.contextWord)])
    func shortParts(password: String, expected: PasswordRefusal?) {
        let context = PasswordContext(login: "ho", names: ["Xi Ho", "鈴木 H"], clinicName: nil)
        #expect(policy.check(password, context: context, dictionary: nil) == expected)
    }

    @Test("kura counts even with no other context")
    func kuraAlways() {
        let empty = PasswordContext(login: "", names: [], clinicName: nil)
        #expect(policy.check("my-kura-9!zqvw", context: empty, dictionary: nil) == .contextWord)
        #expect(policy.check("my-kyra-9!zqvw", context: empty, dictionary: nil) == nil)
    }
}
