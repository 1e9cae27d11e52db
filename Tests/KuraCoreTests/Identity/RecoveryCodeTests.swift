import Crypto
import KuraCore
import Synchronization
import Testing

@Suite("Recovery codes (MFA-1, MFA-3)")
struct RecoveryCodeTests {
    let random = SeededRandomBytes(seed: "recovery-codes")

    @Test("ten codes by default, each four groups of four lower-case base32 characters")
    func format() {
        let codes = RecoveryCode.generate(using: random)
        #expect(codes.count == 10)
        for code in codes {
            let groups = code.display.split(separator: "-", omittingEmptySubsequences: false)
            #expect(groups.count == 4)
            #expect(groups.allSatisfy { $0.count == 4 })
            #expect(code.display.count == 19)
            #expect(code.display.utf8.allSatisfy { Array("abcdefghijklmnopqrstuvwxyz234567-".utf8).contains($0) })
        }
    }

    @Test("codes are distinct, also when the source repeats itself")
    func distinct() {
        #expect(Set(RecoveryCode.generate(count: 200, using: random)).count == 200)
        let stuttering = RepeatingSource()
        let codes = RecoveryCode.generate(count: 3, using: stuttering)
        #expect(Set(codes).count == 3)
    }

    @Test("a code parses back from its display form, upper case, spaces or no hyphens")
    func parse() throws {
        let code = try #require(RecoveryCode.generate(count: 1, using: random).first)
        let plain = code.display.replacingHyphens()
        for input in [
            code.display, code.display.uppercased(), plain, " " + code.display + " ",
            code.display.replacingHyphens(with: " "), String(plain.prefix(8)) + "--" + String(plain.suffix(8)),
        ] {
            #expect(RecoveryCode.parse(input) == code)
        }
    }

    @Test(
        "inputs that are not exactly 16 base32 characters are refused",
        arguments: [
            "", "abcd-efgh-ijkl-mno", "abcd-efgh-ijkl-mnopq", "abcd-efgh-ijkl-mn0p", "abcd-efgh-ijkl-mn1p",
            "abcd_efgh_ijkl_mnop", "abcd.efgh.ijkl.mnop", "abcd-efgh-ijkl-mnop=", "ａｂｃｄ-efgh-ijkl-mnop",
            "abcd-efgh-ijkl-mnop\n",
        ])
    func refused(input: String) {
        #expect(RecoveryCode.parse(input) == nil)
    }

    @Test("the hash has a fixed layout: SHA-256 of tag, account id and code, each part delimited")
    func hashKnownAnswer() throws {
        let code = try #require(RecoveryCode.parse("ABCD-EFGH-IJKL-MNOP"))
        // Computed independently: SHA-256(u32 21 ‖ "kura.recovery-code.v1" ‖ u32 6 ‖ "acct-1" ‖ "abcdefghijklmnop").
        #expect(
            hexEncoded(code.hash(accountID: "acct-1"))
                == "1c2e4f9c4a5bb3d8ce243774154b56b27d826cf8aab1de061bfcedb8d1e37dd0")
        var message: [UInt8] = [0, 0, 0, 21] + Array("kura.recovery-code.v1".utf8)
        message += [0, 0, 0, 6] + Array("acct-1".utf8) + Array("abcdefghijklmnop".utf8)
        #expect(code.hash(accountID: "acct-1") == Array(SHA256.hash(data: message)))
    }

    @Test("the hash binds the account id: the same code hashes differently for another account")
    func hashBindsAccount() throws {
        let code = try #require(RecoveryCode.generate(count: 1, using: random).first)
        let hash = code.hash(accountID: "account-1")
        #expect(hash.count == 32)
        #expect(hash == code.hash(accountID: "account-1"))
        #expect(hash != code.hash(accountID: "account-2"))
        #expect(hash != code.hash(accountID: ""))
        #expect(RecoveryCode.parse(code.display.uppercased())?.hash(accountID: "account-1") == hash)
        let other = try #require(RecoveryCode.generate(count: 1, using: random).first)
        #expect(other.hash(accountID: "account-1") != hash)
    }

    @Test("description and reflection never show the code")
    func redaction() throws {
        let code = try #require(RecoveryCode.generate(count: 1, using: random).first)
        let plain = code.display.replacingHyphens()
        for text in [String(describing: code), String(reflecting: code), dumped(code), "\([code])"] {
            #expect(!text.contains(code.display))
            #expect(!text.contains(plain))
            #expect(!text.contains(plain.uppercased()))
            #expect(!text.contains(String(plain.prefix(4))))
        }
    }
}

/// A broken source that hands out every value twice in a row, to show that codes stay distinct.
private final class RepeatingSource: RandomBytesSource {
    private let inner = SeededRandomBytes(seed: "repeating")
    private let pending = Mutex<[UInt8]?>(nil)

    func bytes(count: Int) -> [UInt8] {
        pending.withLock { pending in
            if let repeated = pending {
                pending = nil
                return repeated
            }
            let fresh = inner.bytes(count: count)
            pending = fresh
            return fresh
        }
    }
}

extension String {
    /// The string with every hyphen replaced by `replacement`.
    fileprivate func replacingHyphens(with replacement: String = "") -> String {
        split(separator: "-", omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
