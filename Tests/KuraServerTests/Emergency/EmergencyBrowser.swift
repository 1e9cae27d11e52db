import Foundation
import KuraCore
import Testing

/// What the emergency browser tests share: where screenshots go, unlocking a page, and the
/// checks that a page reached nothing beyond its own file (REC-3).
enum EmergencyBrowser {
    /// `.build/test-artifacts/emergency` in the package (never committed).
    static let artifacts: String = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        return root.appendingPathComponent(".build/test-artifacts/emergency").path
    }()

    /// Opens `file` in a fresh tab state: first `about:blank`, then the logs are drained (the
    /// browser's own start page loads `chrome://` resources), then the file.
    static func open(_ file: String, in session: WebDriverSession) async throws {
        try await session.navigate(to: "about:blank")
        _ = try await session.logs("performance")
        _ = try await session.logs("browser")
        try await session.open(file: file)
    }

    /// Types `passphrase` into the page's field and presses the button.
    static func submit(_ passphrase: String, in session: WebDriverSession) async throws {
        let field = try await session.displayedElement("#passphrase")
        try await field.clear()
        try await field.sendKeys(passphrase)
        try await session.element("#open").click()
    }

    /// Waits for the wrong-passphrase message and returns it.
    static func failureMessage(in session: WebDriverSession) async throws -> String {
        try await session.displayedElement("#failure", timeout: .seconds(60)).text()
    }

    /// Waits for the decrypted view and returns its text.
    static func recordText(in session: WebDriverSession) async throws -> String {
        try await session.displayedElement("#record", timeout: .seconds(60)).text()
    }

    /// Checks that the page at `file` asked for nothing but itself: the DevTools network log
    /// holds only its own `file://` URL, the Resource Timing list is empty, and the console has
    /// no errors (a CSP refusal of the page's own script or style would be one).
    static func expectNoNetwork(_ session: WebDriverSession, file: String) async throws {
        let own = URL(fileURLWithPath: file).absoluteString
        let requested = try await session.requestedURLs()
        #expect(requested.allSatisfy { $0 == own }, "the page requested \(requested)")
        let resources = try await session.execute("return performance.getEntriesByType('resource').length")
        #expect(resources == .integer(0))
        let severe = try await session.logs("browser").filter { $0.level == "SEVERE" }
        #expect(severe.isEmpty, "console errors: \(severe.map(\.message))")
    }
}
