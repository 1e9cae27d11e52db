import Foundation
import Hummingbird
import NIOCore

/// Serves the hand-written OpenAPI 3.1 description of the JSON API (DESIGN "Interfaces") at
/// `/api/v1/openapi.json`. The document is ``OpenAPIText/json`` in `OpenAPIText.swift` beside
/// this file, compiled in, so the binary serves exactly the reviewed text.
enum OpenAPIDocument {
    static func register(on group: RouterGroup<KuraRequestContext>) {
        group.get("openapi.json") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIText.json)))
        }
    }
}
