/// The OpenAPI 3.1 document of `/api/v1`, written by hand and reviewed like code.
enum OpenAPIText {
    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": { "title": "Kura API", "version": "1" },
          "paths": {}
        }
        """#
}
