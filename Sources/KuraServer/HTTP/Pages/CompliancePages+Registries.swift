import Hummingbird
import KuraCore
import KuraStore

extension CompliancePages {
    /// `/compliance/registries/{registry}`: the entries, the add form (a POST without an entry)
    /// and the change form (a POST naming the entry and its version), and withdrawing.
    func registerRegistries(on router: Router<KuraRequestContext>) {
        router.get(RouterPath(PageRoute.registry(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                return try await showRegistry(
                    try Self.registry(context), auth, notice: pages.notice(request, pages.frame(auth)))
            }
        }
        router.post(RouterPath(PageRoute.registry(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let form = try await RegistryForm.decode(request, context: context)
                let auth = try await pages.session(request, posting: form)
                let registry = try Self.registry(context)
                // A checkbox left unticked is not sent: every flag the form has is false then.
                var values = form.v ?? [:]
                for field in registry.fields where field.shape == .flag && values[field.key] == nil {
                    values[field.key] = "false"
                }
                values = values.filter { !$0.value.isEmpty }
                do {
                    let version = form.version.flatMap { Int64($0) }
                    _ = try await compliance.service.save(
                        registry, id: form.entry, expectedVersion: form.entry == nil ? nil : version, values: values,
                        by: auth)
                } catch {
                    guard let problem = PageProblem(error, text: pages.frame(auth).text) else { throw error }
                    return try await showRegistry(registry, auth, problem: problem, submitted: values)
                }
                return PageResponse.redirect(to: PageRoute.registry(registry.rawValue).path(notice: .done))
            }
        }
        router.post(RouterPath(PageRoute.withdrawRegistryEntry(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let form = try await RegistryForm.decode(request, context: context)
                let auth = try await pages.session(request, posting: form)
                let registry = try Self.registry(context)
                do {
                    guard let version = form.version.flatMap({ Int64($0) }) else {
                        throw ComplianceError.invalid("version is required")
                    }
                    _ = try await compliance.service.withdraw(
                        registry, id: try form.filled(\.entry), expectedVersion: version, by: auth)
                } catch {
                    guard let problem = PageProblem(error, text: pages.frame(auth).text) else { throw error }
                    return try await showRegistry(registry, auth, problem: problem)
                }
                return PageResponse.redirect(to: PageRoute.registry(registry.rawValue).path(notice: .done))
            }
        }
    }

    /// The registry page for `auth`; after a refusal, the add form keeps what was submitted.
    func showRegistry(
        _ registry: RegistryID, _ auth: Authenticated, notice: String? = nil, problem: PageProblem? = nil,
        submitted: [String: String] = [:]
    ) async throws -> Response {
        try auth.require(.readCompliance)
        let frame = pages.frame(auth)
        // The devices recorded at sign-in are listed beside the hand-kept ones (INV-1).
        let seen =
            registry == .devices && auth.holds(.manageDevices)
            ? try await pages.identity.listDevices().map {
                "\($0.userAgent) · \($0.ownership) · \($0.status) · \(PageTime.jst($0.lastSeenAt))"
            } : []
        let model = RegistryModel(
            registry, entries: try await compliance.service.entries(registry), canEdit: auth.holds(.manageCompliance),
            seenDevices: seen, submitted: submitted,
            today: CivilDate(daysSinceEpoch: Int((compliance.service.records.clock() + 9 * 3_600_000) / 86_400_000)),
            text: frame.text)
        return show(frame, model, notice: notice, problem: problem)
    }

    /// The path's registry, or 404.
    static func registry(_ context: KuraRequestContext) throws -> RegistryID {
        guard let registry = context.parameters.get("id").flatMap(RegistryID.init(rawValue:)) else {
            throw ComplianceError.notFound("registry")
        }
        return registry
    }
}

/// The add, change and withdraw forms of a registry: values as `v[key]`.
struct RegistryForm: PageForm {
    let csrf: String?
    let entry: String?
    let version: String?
    let v: [String: String]?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case entry, version, v
    }
}
