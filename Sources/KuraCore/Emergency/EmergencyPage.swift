import Crypto

/// One self-contained HTML document of the emergency snapshot (REC-3 "readability when the
/// network is down", BAK-3): it opens from a disk in any current browser, with no server, no
/// network and nothing but itself.
///
/// In the clear it shows only what the file is, the clinic, when it was made and the signed
/// checkpoint it was made at (anchoring: DESIGN "The ledger"); the patient data is the
/// ``EmergencyEnvelope``, which the inline script opens with the passphrase. The
/// Content-Security-Policy allows that one script and stylesheet by hash, images only as
/// `data:`, and no connections, frames, forms or base URL: even text that got past the
/// script's `textContent` could neither run nor reach the network.
public struct EmergencyPage: Sendable {
    /// What the page holds, as its visible header says (no PHI).
    public enum Contents: Sendable, Equatable {
        /// One patient's summary.
        case patient
        /// The day's index of `count` patients.
        case index(count: Int)
    }

    /// The id of the element holding the envelope.
    public static let envelopeElementID = "kura-envelope"

    /// The clinic's name (`clinic.name`), if configured.
    public var clinicName: String?
    /// When the snapshot was made, ms since the epoch (UTC).
    public var generatedAt: Int64
    /// The signed checkpoint note (C2SP signed-note text), if the log has one yet.
    public var checkpoint: String?
    /// What the page holds.
    public var contents: Contents
    /// The encrypted payload.
    public var envelope: EmergencyEnvelope

    /// Creates a page.
    public init(
        clinicName: String?, generatedAt: Int64, checkpoint: String?, contents: Contents, envelope: EmergencyEnvelope
    ) {
        self.clinicName = clinicName
        self.generatedAt = generatedAt
        self.checkpoint = checkpoint
        self.contents = contents
        self.envelope = envelope
    }

    /// Seals `payload` under `key` and wraps it in a page.
    public static func sealing(
        _ payload: EmergencyPayload, key: EmergencyKey, clinicName: String?, checkpoint: String?,
        using random: some RandomBytesSource
    ) throws(EmergencyError) -> EmergencyPage {
        let contents: Contents
        switch payload.content {
        case .patient: contents = .patient
        case .index(let index): contents = .index(count: index.lines.count)
        }
        return EmergencyPage(
            clinicName: clinicName, generatedAt: payload.generatedAt, checkpoint: checkpoint, contents: contents,
            envelope: try EmergencyEnvelope.seal(try payload.bytes(), key: key, using: random))
    }

    /// The document. Every text that comes from configuration or the log is escaped.
    public var html: String {
        let contentsText =
            switch contents {
            case .patient: "患者 1 名の記録 One patient's record"
            case .index(let count): "患者一覧（\(count) 名） Index of \(count) patients"
            }
        let clinic = Self.escaped(clinicName ?? "—")
        let note = Self.escaped(checkpoint ?? "なし（まだ署名されていません） none yet")
        return """
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
            <meta name="referrer" content="no-referrer">
            <meta name="robots" content="noindex, nofollow">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="data:,">
            <title>緊急時閲覧用スナップショット — \(clinic)</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <header class="banner">
            <h1>緊急時閲覧用スナップショット<span lang="en">Emergency snapshot for reading during an outage</span></h1>
            <dl class="meta">
            <dt>医療機関 Clinic</dt><dd>\(clinic)</dd>
            <dt>作成日時 Made</dt><dd>\(EmergencyPayload.japanTimeText(generatedAt)) JST</dd>
            <dt>内容 Contents</dt><dd>\(contentsText)</dd>
            </dl>
            <p class="notice">サーバーが使えないときに診療を続けるための読み取り専用の写しです。\
            作成日時より後の記録は含まれません。 A read-only copy for continuing care while the server is down; \
            nothing recorded after the time above is in it.</p>
            <div class="checkpoint"><strong>署名付きチェックポイント Signed checkpoint</strong> \
            （<code>kura verify checkpoint</code> で検証できます / verifiable offline）<pre>\(note)</pre></div>
            </header>
            <main>
            <noscript><p>JavaScript を有効にしてください。 Please enable JavaScript.</p></noscript>
            <form id="unlock" autocomplete="off">
            <label for="passphrase">パスフレーズ Passphrase</label>
            <input id="passphrase" name="passphrase" type="password" autocomplete="off" \
            autocapitalize="characters" spellcheck="false" required>
            <label><input id="reveal" type="checkbox"> 表示 Show</label>
            <button id="open" type="submit">開く Open</button>
            <p class="hint">安全管理責任者が保管する 32 文字のパスフレーズ（4 文字 × 8 組。ハイフン・空白・小文字も可）。\
             The 32-character passphrase the security officer keeps (8 groups of 4; hyphens, spaces and lower case \
            are fine).</p>
            <p id="progress" role="status" aria-live="polite"></p>
            <p id="failure" role="alert" hidden></p>
            </form>
            <div id="record" hidden></div>
            </main>
            <script type="application/json" id="\(Self.envelopeElementID)">\(envelope.json)</script>
            <script>\(Self.script)</script>
            </body>
            </html>

            """
    }

    /// The policy: nothing by default; the inline script and stylesheet by their SHA-256
    /// (CSP Level 2 hash sources); `data:` images for the empty favicon link, which keeps a
    /// browser from asking any server for `/favicon.ico`.
    public static let contentSecurityPolicy =
        "default-src 'none'; script-src '\(hashSource(script))'; style-src '\(hashSource(style))'; "
        + "img-src data:; base-uri 'none'; form-action 'none'"

    /// `sha256-<base64>` of `text` as a CSP hash source.
    static func hashSource(_ text: String) -> String {
        "sha256-" + StrictBase64.encode(Array(SHA256.hash(data: Array(text.utf8))))
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` as character references: safe in element content
    /// and in quoted attribute values.
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The envelope of a page's HTML, for tools and tests that open a file without a browser.
    public static func envelope(in html: String) -> EmergencyEnvelope? {
        let start = "<script type=\"application/json\" id=\"\(envelopeElementID)\">"
        guard let open = html.firstRange(of: start),
            let close = html[open.upperBound...].firstRange(of: "</script>")
        else { return nil }
        return EmergencyEnvelope(json: String(html[open.upperBound..<close.lowerBound]))
    }
}
