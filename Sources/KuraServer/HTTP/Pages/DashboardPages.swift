import Hummingbird
import KuraCore

/// Placeholder until its pages land.
struct DashboardPages: Sendable {
    let pages: WebPages

    func register(on router: Router<KuraRequestContext>) {}
}
