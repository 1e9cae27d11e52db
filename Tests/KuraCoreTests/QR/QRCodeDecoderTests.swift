import Foundation
import KuraCore
import KuraTesting
import Testing

/// Round trips through a real decoder: Debian's `zbarimg` (package zbar-tools) must read back exactly what
/// was encoded (MFA-1: "a QR code that a standard reader decodes"). `scripts/test` installs zbar-tools and
/// sets `KURA_REQUIRE_ZBARIMG=1`, which turns a missing decoder into a failure instead of a skip.
@Suite(
    "QR Code decoded by zbarimg",
    .enabled(
        if: ZbarImg.path != nil || ZbarImg.isRequired,
        "zbarimg is not installed (Debian package zbar-tools; scripts/test installs it)")
)
struct QRCodeDecoderTests {
    /// Printable ASCII (zbar converts other bytes through a guessed character set), cycling deterministically.
    static func asciiPayload(count: Int, seed: Int = 0) -> String {
        String(decoding: (0..<count).map { UInt8(0x20 + ($0 * 31 + seed * 7) % 95) }, as: UTF8.self)
    }

    /// Encodes `text`, writes the PGM, runs `zbarimg --raw -q` and returns what it printed.
    static func decode(_ text: String, level: QRErrorCorrection, scale: Int = 3) async throws -> (QRCode, String) {
        let zbarimg = try #require(
            ZbarImg.path, "zbarimg is missing although KURA_REQUIRE_ZBARIMG=1: install zbar-tools")
        let code = try QRCode.encode(Array(text.utf8), errorCorrection: level)
        let directory = try TemporaryDirectory(prefix: "kura-qr")
        defer { directory.remove() }
        let file = directory.file("symbol.pgm")
        try Data(code.pgm(scale: scale)).write(to: URL(fileURLWithPath: file))
        let outcome = try await ChildProcess.run(zbarimg, ["--raw", "-q", file])
        #expect(outcome.status == 0, "zbarimg found no symbol in version \(code.version) \(level)")
        // zbarimg ends each decoded symbol with a newline.
        var output = outcome.output
        if output.hasSuffix("\n") { output.removeLast() }
        return (code, output)
    }

    @Test(
        "short text, an otpauth URI, 300 and 1000 bytes of ASCII decode back exactly",
        arguments: [
            "Kura",
            OTPAuthURI(
                issuer: "蔵クリニック 本院", accountName: "yamada@example.jp",
                secret: Array("12345678901234567890".utf8)
            ).uri,
            asciiPayload(count: 300),
            asciiPayload(count: 1000, seed: 1),
        ])
    func payloads(text: String) async throws {
        let (code, output) = try await Self.decode(text, level: .medium)
        #expect(output == text, "version \(code.version)")
        if text.utf8.count == 1000 { #expect(code.version >= 20) }
    }

    @Test("every error-correction level decodes", arguments: QRErrorCorrection.allCases)
    func levels(level: QRErrorCorrection) async throws {
        let text = Self.asciiPayload(count: 120, seed: 2)
        let (_, output) = try await Self.decode(text, level: level)
        #expect(output == text)
    }

    @Test("every version at every level decodes when filled to capacity", arguments: 1...40)
    func everyVersion(version: Int) async throws {
        for level in QRErrorCorrection.allCases {
            let text = Self.asciiPayload(
                count: QRCode.byteCapacity(version: version, errorCorrection: level), seed: version)
            let (code, output) = try await Self.decode(text, level: level, scale: version > 20 ? 2 : 3)
            #expect(code.version == version)
            #expect(output == text, "version \(version) \(level)")
        }
    }
}

/// Where `zbarimg` is, and whether the run insists on it.
enum ZbarImg {
    /// The decoder's path, nil when it is not installed.
    static let path = try? ChildProcess.which("zbarimg")
    /// Set by `scripts/test`: a missing decoder fails the suite instead of skipping it.
    static let isRequired = ProcessInfo.processInfo.environment["KURA_REQUIRE_ZBARIMG"] == "1"
}
