/// The server evaluators: TLS (NET-1), listening ports (MAL-3), the build's age (MAL-2) and
/// device approval (INV-1/INV-2).
extension ComplianceEvaluator {
    /// NET-1: fails when a listener without TLS is reachable beyond this machine, or when any TLS
    /// version below 1.2 is accepted. Plain HTTP on loopback only (behind a local proxy) passes.
    static func transportSecurity(_ facts: ComplianceFacts) -> EvaluationResult {
        let transport = facts.transport
        let exposed = transport.listeners.filter { !$0.tls && !$0.isLoopback }.map { "\($0.host):\($0.port)" }
        let weak = transport.tlsVersions.filter { $0 < .tls12 }.sorted().map(\.rawValue)
        var reasons: [BilingualText] = []
        if !exposed.isEmpty {
            reasons.append(
                text(
                    "TLSなしで外部から接続できる: \(exposed.joined(separator: ", "))",
                    "plain HTTP reachable beyond this machine: \(exposed.joined(separator: ", "))"))
        }
        if !weak.isEmpty {
            reasons.append(
                text(
                    "TLS 1.2未満を受け付ける: \(weak.joined(separator: ", "))",
                    "TLS below 1.2 is accepted: \(weak.joined(separator: ", "))"))
        }
        let listeners = transport.listeners.map { "\($0.host):\($0.port) \($0.tls ? "TLS" : "HTTP")" }
        return EvaluationResult(
            evaluator: .net1, reasons: reasons,
            evidence: [
                Evidence(text("TLS", "TLS"), .flag(transport.listeners.contains(where: \.tls))),
                Evidence(
                    text("受け付けるTLSのバージョン", "TLS versions accepted"),
                    .list(transport.tlsVersions.sorted().map(\.rawValue))),
                Evidence(text("待ち受けアドレス", "listeners"), .list(listeners)),
            ])
    }

    /// MAL-3, checklist 2⑫: passes when the server listens only on configured ports.
    static func listeningPorts(_ facts: ComplianceFacts) -> EvaluationResult {
        let configured = Set(facts.transport.configuredPorts)
        let listening = Set(facts.transport.listeners.map(\.port))
        let unexpected = listening.subtracting(configured).sorted().map(String.init)
        let reasons =
            unexpected.isEmpty
            ? []
            : [
                text(
                    "設定外のポートで待ち受けている: \(unexpected.joined(separator: ", "))",
                    "listening on ports not configured: \(unexpected.joined(separator: ", "))")
            ]
        return EvaluationResult(
            evaluator: .mal3, reasons: reasons,
            evidence: [
                Evidence(text("待ち受けポート", "listening ports"), .list(listening.sorted().map(String.init))),
                Evidence(text("設定されたポート", "configured ports"), .list(configured.sorted().map(String.init))),
                Evidence(text("設定外のポート", "unexpected ports"), .list(unexpected)),
            ])
    }

    /// MAL-2, checklist 2⑥: fails when the build date is unknown or older than
    /// ``ComplianceThresholds/buildMaxAgeDays``; lists the dependencies (a short SBOM).
    static func runningBuild(_ facts: ComplianceFacts, _ limits: ComplianceThresholds) -> EvaluationResult {
        let build = facts.build
        var reasons: [BilingualText] = []
        if let builtAt = build.builtAt {
            if ComplianceThresholds.isOlder(builtAt, than: limits.buildMaxAgeDays, asOf: facts.asOf) {
                reasons.append(
                    text(
                        "ビルドが\(limits.buildMaxAgeDays)日より古い: 更新を確認する",
                        "the build is older than \(limits.buildMaxAgeDays) days: check for updates"))
            }
        } else {
            reasons.append(text("ビルド日が不明", "the build date is unknown"))
        }
        return EvaluationResult(
            evaluator: .mal2, reasons: reasons,
            evidence: [
                Evidence(text("バージョン", "version"), .text(build.version)),
                Evidence(text("ビルド日時", "built at"), time(build.builtAt)),
                Evidence(
                    text("ビルドからの日数", "days since build"),
                    build.builtAt.map { .days(ComplianceThresholds.age($0, asOf: facts.asOf)) } ?? .none),
                Evidence(text("依存パッケージ", "dependencies"), .list(build.dependencies.map { "\($0.name) \($0.version)" })),
            ])
    }

    /// INV-1/INV-2, checklist 2①: passes when policy requires a device's approval before it
    /// reaches patient data; the counts (and how many wait) are evidence.
    static func devices(_ facts: ComplianceFacts) -> EvaluationResult {
        let devices = facts.devices
        let reasons =
            devices.approvalRequired
            ? []
            : [text("端末の承認が方針で必須になっていない", "policy does not require device approval")]
        return EvaluationResult(
            evaluator: .inv12, reasons: reasons,
            evidence: [
                Evidence(text("端末の承認必須", "device approval required"), .flag(devices.approvalRequired)),
                Evidence(text("記録された端末", "devices seen"), .count(devices.seen)),
                Evidence(text("承認済み", "approved"), .count(devices.approved)),
                Evidence(text("承認待ち", "waiting for approval"), .count(devices.pending)),
                Evidence(text("承認取消", "revoked"), .count(devices.revoked)),
            ])
    }
}
