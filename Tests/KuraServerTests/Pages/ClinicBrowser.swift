import Foundation
import KuraCore
import Testing

/// A person at a clinic PC, driving Kura's pages in headless Chromium through WebDriver: it
/// types into labelled fields, presses buttons, waits for the next page, and saves a numbered
/// screenshot of each step as a test artefact (`.build/test-artifacts/clinic-flow`).
final class ClinicBrowser {
    let session: WebDriverSession
    let base: String
    let artifacts: String
    private var step = 0

    /// `.build/test-artifacts/<name>` in the package (never committed).
    static func artifacts(_ name: String) -> String {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        return root.appendingPathComponent(".build/test-artifacts/\(name)").path
    }

    init(session: WebDriverSession, port: Int, artifacts: String) {
        self.session = session
        // `localhost` is a secure context, so the `Secure; __Host-` cookies work over plain HTTP.
        self.base = "http://localhost:\(port)"
        self.artifacts = artifacts
        try? FileManager.default.removeItem(atPath: artifacts)
    }

    /// Forgets what the browser's own start page requested and logged (`chrome://` pages), so
    /// the checks of each step see only Kura's pages.
    func start() async throws {
        try await session.navigate(to: "about:blank")
        _ = try await session.logs("performance")
        _ = try await session.logs("browser")
    }

    /// Opens `path` on Kura.
    func go(_ path: String) async throws {
        try await session.navigate(to: base + path)
    }

    /// The path (and query) of the page shown.
    func path() async throws -> String {
        let url = try await session.currentURL()
        return url.hasPrefix(base) ? String(url.dropFirst(base.count)) : url
    }

    /// Types `text` into the field with `id` (emptied first).
    func fill(_ id: String, _ text: String) async throws {
        let field = try await session.element("#\(id)")
        try await field.clear()
        try await field.sendKeys(text)
    }

    /// Sets a field's value directly (date and time inputs, whose typing order follows the
    /// browser's locale), as the browser's own picker would.
    func setValue(_ id: String, _ value: String) async throws {
        _ = try await session.execute(
            "var e = document.getElementById(arguments[0]); e.value = arguments[1]; return e.value;",
            [.string(id), .string(value)])
    }

    /// Chooses the option of the `<select>` with `id` whose text contains `label`.
    func choose(_ id: String, labelled label: String) async throws {
        let found = try await session.execute(
            """
            var s = document.getElementById(arguments[0]);
            for (var i = 0; i < s.options.length; i++) {
              if (s.options[i].text.indexOf(arguments[1]) >= 0) { s.selectedIndex = i; return true; }
            }
            return false;
            """, [.string(id), .string(label)])
        #expect(found == .bool(true), "an option labelled \(label) in #\(id)")
    }

    /// Chooses the option with `value` in the `<select>` with `id`.
    func choose(_ id: String, _ value: String) async throws {
        try await session.element("#\(id) option[value='\(value)']").click()
    }

    /// Presses the element `selector` (a button or link) and waits for the next page to load.
    func press(_ selector: String) async throws {
        let element = try await session.element(selector)
        _ = try await session.execute("window.kuraBeforeStep = true; return true;")
        try await element.click()
        try await session.wait("the page after \(selector)") {
            try await session.execute(
                "return window.kuraBeforeStep === undefined && document.readyState === 'complete';") == .bool(true)
        }
    }

    /// The text of the page's content (`main`), as a reader sees it.
    func mainText() async throws -> String {
        try await session.element("main").text()
    }

    /// The text of the whole page.
    func bodyText() async throws -> String {
        try await session.element("body").text()
    }

    /// Saves the next numbered screenshot, `NN-name.png`, after checking that every field on
    /// the page has a label a screen reader and a keyboard user find (issue 5: labels on every
    /// field) and that nothing is wider than the window.
    func shot(_ name: String) async throws {
        step += 1
        let unlabelled = try await session.execute(
            """
            var missing = [];
            document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(function (e) {
              if (e.labels.length === 0 && !e.getAttribute('aria-label')) { missing.push(e.name || e.id); }
            });
            return missing.join(',');
            """)
        #expect(unlabelled == .string(""), "fields without a label on \(name): \(unlabelled)")
        let overflow = try await session.execute(
            "return document.documentElement.scrollWidth <= window.innerWidth;")
        #expect(overflow == .bool(true), "\(name) is wider than the window")
        // Everything came from Kura (no third-party asset), and the browser refused nothing:
        // a CSP refusal of an inline script or style would be a console error.
        let foreign = try await session.requestedURLs().filter {
            !$0.hasPrefix(base + "/") && !$0.hasPrefix("file://") && !$0.hasPrefix("data:")
        }
        #expect(foreign.isEmpty, "\(name) requested \(foreign)")
        let severe = try await session.logs("browser").filter { $0.level == "SEVERE" }.map(\.message)
        #expect(severe.isEmpty, "console errors on \(name): \(severe)")
        try await session.saveScreenshot(String(format: "%02d-", step) + name, in: artifacts)
    }

    /// Resizes the window (a tablet is 768 px wide), waiting for the page to lay out again.
    func resize(width: Int, height: Int) async throws {
        _ = try await session.command(
            "POST", "window/rect", .object(["width": .integer(Int64(width)), "height": .integer(Int64(height))]))
        try await session.wait("the window to be \(width) wide") {
            try await session.execute("return window.outerWidth;") == .integer(Int64(width))
        }
    }
}
