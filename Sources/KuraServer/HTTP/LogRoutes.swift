import Hummingbird
import KuraCore
import KuraStore
import NIOCore

/// The C2SP tlog-tiles API under `/log/` (DESIGN "Serving"): the latest signed checkpoint,
/// hash tiles and entry bundles, never anything beyond the signed size.
struct LogRoutes: Sendable {
    let store: any LedgerStore
    let publishTiles: Bool

    /// Adds the routes to `router`.
    func register(on router: Router<some RequestContext>) {
        router.get("/log/checkpoint") { _, _ in try await checkpoint() }
        router.get("/log/tile/**") { request, _ in try await tile(path: request.uri.path) }
    }

    func checkpoint() async throws -> Response {
        guard let latest = try await store.latestCheckpoint() else {
            // A new log seals its first checkpoint within a second of starting.
            var response = PlainText.response("no checkpoint has been sealed yet\n", status: .serviceUnavailable)
            response.headers[.retryAfter] = "1"
            return response
        }
        var response = Response(
            status: .ok,
            headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: latest.note))
        )
        response.headers[.contentLength] = String(latest.note.count)
        return response
    }

    func tile(path: String) async throws -> Response {
        let prefix = "/log/"
        guard path.hasPrefix(prefix) else { return PlainText.response("not found\n", status: .notFound) }
        let resource: TileResource
        do {
            resource = try TileResource(parsing: path.dropFirst(prefix.count))
        } catch {
            return PlainText.response("bad tile path: \(error)\n", status: .badRequest)
        }
        guard publishTiles else {
            return PlainText.response("tiles are not published by this server\n", status: .forbidden)
        }
        // Serve only what the newest signed checkpoint covers (a smaller, older checkpoint's
        // partial tile is a prefix of today's, so it is served too).
        let signedSize = try await store.latestCheckpoint()?.size ?? 0
        let coordinate = resource.coordinate
        guard coordinate.isContained(inTreeSize: signedSize) else {
            return PlainText.response("tile is beyond the signed tree size\n", status: .notFound)
        }
        let body: [UInt8]
        switch resource {
        case .hashes(let coordinate):
            guard let stored = try await store.tile(level: coordinate.level, index: coordinate.index),
                stored.width >= coordinate.width
            else {
                return PlainText.response("tile not found\n", status: .notFound)
            }
            body = Array(stored.hashes.prefix(coordinate.width * LogHash.byteCount))
        case .entryBundle(let coordinate):
            let first = coordinate.index * UInt64(TileCoordinate.fullWidth)
            let leaves = try await store.leaves(in: first..<first + UInt64(coordinate.width))
            guard leaves.count == coordinate.width else {
                return PlainText.response("entries not found\n", status: .notFound)
            }
            body = try EntryBundle.encode(leaves)
        }
        // A full tile never changes; a partial one is superseded by a wider one.
        let immutable = coordinate.partialWidth == nil
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/octet-stream",
                .cacheControl: immutable ? "public, max-age=31536000, immutable" : "no-store",
                .contentLength: String(body.count),
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}

/// Plain-text responses for errors and simple answers: a clear sentence, never PHI.
enum PlainText {
    /// A `text/plain` response.
    static func response(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}
