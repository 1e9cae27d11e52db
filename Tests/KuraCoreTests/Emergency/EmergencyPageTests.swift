import Crypto
import Foundation
import KuraCore
import Testing

/// One emergency page (REC-3): the payload round-trips through the page's envelope, the HTML
/// holds no PHI in clear, loads nothing from anywhere, runs only its own hashed script, and
/// escapes the clinic name and checkpoint it shows in clear.
@Suite("Emergency snapshot page")
struct EmergencyPageTests {
    let random = SeededRandomBytes(seed: "emergency-page-tests")

    static let summary = EmergencySummary(
        patient: .init(
            number: "P-0042", name: "緊急 花子", kana: "キンキュウ ハナコ", birthDate: "1938-04-01", age: 88,
            sex: "女性 Female", address: "東京都千代田区1-1", phone: "03-1234-5678"),
        allergies: [.init(text: "ペニシリン系抗菌薬", note: "発疹", since: "2001-05-01")], problems: [],
        medications: nil,
        entries: [
            .init(
                kind: "progress-note", kindLabel: "経過記録 Progress note", state: "finalized",
                stateLabel: "確定 Finalized", author: "dr.suzuki", time: "2027-01-15 09:30",
                fields: [.init(label: "P（計画） P (plan)", text: "在宅酸素を継続\n<img src=x onerror=alert(1)>")])
        ])

    func key() throws -> EmergencyKey {
        try #require(
            EmergencyKey(keyBytes: random.bytes(count: 32), salt: random.bytes(count: 16), iterations: 600_000))
    }

    func page(
        _ payload: EmergencyPayload, key: EmergencyKey, clinic: String? = "さくら在宅クリニック", checkpoint: String? = nil
    ) throws -> String {
        try EmergencyPage.sealing(payload, key: key, clinicName: clinic, checkpoint: checkpoint, using: random).html
    }

    @Test("the payload decrypts from the page to the same canonical JSON, with type, time and log size")
    func roundTrip() throws {
        let key = try key()
        let payload = EmergencyPayload(
            content: .patient(Self.summary), generatedAt: 1_800_000_000_000, checkpointSize: 42)
        let html = try page(payload, key: key)
        let envelope = try #require(EmergencyPage.envelope(in: html))
        #expect(envelope.iterations == 600_000 && envelope.salt == key.salt && envelope.nonce.count == 12)
        let plaintext = try envelope.open(with: key)
        let json = try CanonicalJSON.parse(plaintext)
        #expect(json == payload.json)
        guard case .object(let members) = json else { throw EmergencyError.malformedKeyFile }
        #expect(members["v"] == 1 && members["type"] == "patient" && members["checkpointSize"] == 42)
        #expect(members["generatedAt"] == "2027-01-15 17:00")
        #expect(members["medications"] == .null && members["problems"] == .array([]))
        let other = try self.key()
        #expect(throws: EmergencyError.authenticationFailed) { try envelope.open(with: other) }
    }

    @Test("an index page round-trips too and says only how many patients it lists")
    func index() throws {
        let key = try key()
        let index = EmergencyIndex(lines: [
            .init(number: "P-0042", name: "緊急 花子", kana: "キンキュウ ハナコ", birthDate: "1938-04-01", file: "pat_x.html")
        ])
        let html = try page(.init(content: .index(index), generatedAt: 0, checkpointSize: nil), key: key)
        #expect(html.contains("患者一覧（1 名） Index of 1 patients"))
        #expect(!html.contains("花子") && !html.contains("P-0042") && !html.contains("pat_x"))
        let json = try CanonicalJSON.parse(try #require(EmergencyPage.envelope(in: html)).open(with: key))
        guard case .object(let members) = json else { throw EmergencyError.malformedKeyFile }
        #expect(members["type"] == "index" && members["checkpointSize"] == .null)
    }

    @Test("no name, kana, number, birth date, address, list item or entry text appears in the HTML")
    func noPlaintextPHI() throws {
        let html = try page(
            .init(content: .patient(Self.summary), generatedAt: 1_800_000_000_000, checkpointSize: 7), key: try key())
        for secret in [
            "緊急 花子", "花子", "キンキュウ", "ハナコ", "P-0042", "1938-04-01", "千代田", "1234-5678", "ペニシリン", "発疹", "在宅酸素",
            "onerror", "dr.suzuki",
        ] {
            #expect(!html.contains(secret), "the page shows \(secret) in clear")
        }
    }

    @Test("the page loads nothing: no script or style from elsewhere, no URL, one hashed inline script")
    func selfContained() throws {
        let html = try page(
            .init(content: .patient(Self.summary), generatedAt: 1_800_000_000_000, checkpointSize: 7), key: try key())
        let lower = html.lowercased()
        #expect(!lower.contains("<script src") && !lower.contains(" src="))
        #expect(!lower.contains("http://") && !lower.contains("https://") && !lower.contains("//cdn"))
        #expect(!lower.contains("<link rel=\"stylesheet\"") && !lower.contains("@import") && !lower.contains("url("))
        #expect(lower.components(separatedBy: "<script").count == 3)
        #expect(html.contains(#"<script type="application/json" id="kura-envelope">"#))
        // The executable script: exactly what the CSP hash names, and free of network and HTML sinks.
        let script = try #require(
            html.components(separatedBy: "<script>").last?.components(separatedBy: "</script>").first)
        let hash = "sha256-" + Data(SHA256.hash(data: Data(script.utf8))).base64EncodedString()
        #expect(EmergencyPage.contentSecurityPolicy.contains("script-src '\(hash)'"))
        #expect(EmergencyPage.contentSecurityPolicy.hasPrefix("default-src 'none';"))
        for sink in [
            "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "fetch(", "XMLHttpRequest", "eval(",
        ] {
            #expect(!script.contains(sink), "the script uses \(sink)")
        }
        #expect(script.contains("'PBKDF2'") && script.contains("'AES-GCM'") && script.contains("'SHA-256'"))
        #expect(script.contains(EmergencyEnvelope.associatedData))
    }

    @Test("the clinic name and the checkpoint are escaped where they show in clear")
    func escaping() throws {
        let html = try page(
            .init(content: .patient(Self.summary), generatedAt: 0, checkpointSize: nil), key: try key(),
            clinic: #"<b onclick="x">&'診療所'"#, checkpoint: "origin\n1\n</pre><script>alert(1)</script>\n")
        #expect(html.contains("&lt;b onclick=&quot;x&quot;&gt;&amp;&#39;診療所&#39;"))
        #expect(!html.contains("<b onclick"))
        #expect(html.contains("&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.components(separatedBy: "<script").count == 3)
    }

    @Test("the header says what the file is, with the time in JST and no checkpoint yet")
    func header() throws {
        let html = try page(
            .init(content: .patient(Self.summary), generatedAt: -1, checkpointSize: nil), key: try key())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ja\">"))
        #expect(html.contains("緊急時閲覧用スナップショット") && html.contains("さくら在宅クリニック"))
        #expect(html.contains("1970-01-01 08:59 JST"))
        #expect(html.contains("なし（まだ署名されていません）"))
        #expect(html.contains("@media print"))
    }

    @Test(
        "JST text of instants",
        arguments: [
            (Int64(1_800_000_000_000), "2027-01-15 17:00"), (Int64(0), "1970-01-01 09:00"),
            (Int64(-32_400_001), "1969-12-31 23:59"), (Int64.max, "—"), (Int64.min, "—"),
        ])
    func japanTime(milliseconds: Int64, text: String) {
        #expect(EmergencyPayload.japanTimeText(milliseconds) == text)
    }
}
