extension EmergencyPage {
    /// The page's only stylesheet: fonts already on the reading machine (no downloads), the
    /// allergies in red, and a print layout without the passphrase form (REC-3: "printable
    /// promptly").
    static let style = #"""
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body {
          margin: 0 auto; max-width: 60rem; padding: 1rem; color: #111; background: #fff;
          font: 16px/1.6 "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif;
        }
        [hidden] { display: none !important; }
        .banner { border: 3px solid #b00000; padding: .75rem 1rem; margin-bottom: 1rem; }
        .banner h1 { margin: 0 0 .5rem; font-size: 1.4rem; color: #b00000; }
        .banner h1 span { display: block; font-size: 1rem; color: #333; }
        .meta, .facts, .fields { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        .notice { margin: .5rem 0 0; font-size: .9rem; }
        .checkpoint { margin: .5rem 0 0; font-size: .8rem; }
        .checkpoint pre { margin: .25rem 0 0; white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f4; padding: .5rem; }
        form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; padding: 1rem; background: #f4f4f4; }
        form label[for] { font-weight: bold; }
        #passphrase { flex: 1 1 22rem; padding: .4rem; font: 1.1rem/1.4 ui-monospace, monospace; letter-spacing: .05em; }
        button { font: inherit; padding: .4rem 1.2rem; }
        #progress, #failure, .hint { flex-basis: 100%; margin: 0; }
        #failure { color: #b00000; font-weight: bold; }
        .made { color: #444; font-size: .9rem; }
        .patient .name { font-size: 1.8rem; margin: .5rem 0 0; border: 0; }
        .kana { margin: 0; color: #444; }
        section { margin: 1rem 0; }
        h2 { font-size: 1.2rem; border-bottom: 1px solid #999; margin: 1rem 0 .5rem; }
        .allergies h2, .allergies .item { color: #b00000; }
        .note, .since { margin-left: .75rem; color: #444; }
        .none { color: #444; }
        .entry { padding: .5rem 0; }
        .entry + .entry { border-top: 1px solid #ccc; }
        .entry h3 { font-size: 1.05rem; margin: 0; }
        .byline { margin: 0 0 .25rem; color: #444; font-size: .9rem; }
        .text { white-space: pre-wrap; overflow-wrap: anywhere; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #bbb; padding: .25rem .5rem; text-align: left; }
        @page { margin: 15mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          form, .print, noscript { display: none !important; }
          .banner { border-width: 2px; }
          .patient, .entry, tr { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        """#
}
