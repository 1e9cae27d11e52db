/// The operator's first screen: where Kura serves, how to recognise its certificate, the
/// one-time setup code (first start only) and the log's verifier key.
public enum StartupText {
    /// The lines `kura serve` prints at start.
    public static func render(_ startup: StartupReport) -> String {
        var lines = [
            "Kura \(BuildInfo.version) (\(startup.backend))",
            "  URL:                  \(startup.url)",
        ]
        if let fingerprint = startup.certificateFingerprint {
            lines.append("  Certificate SHA-256:  \(fingerprint)")
            lines.append("  (a self-signed certificate: compare this fingerprint when the browser asks)")
        }
        lines.append("  Log origin:           \(startup.origin)")
        lines.append("  Log verifier key:     \(startup.verifierKey)")
        if let code = startup.setupCode {
            lines.append("")
            lines.append("  One-time setup code for the first administrator: \(code) (enter it at /setup)")
            lines.append("  (shown only now; there are no default credentials)")
        }
        return lines.joined(separator: "\n")
    }
}
