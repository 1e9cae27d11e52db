import Foundation

/// One browser session of ``WebDriver``: navigation, elements by CSS selector, keys and clicks,
/// scripts, screenshots and the browser's logs. Every method is one W3C WebDriver command
/// (or a poll of one), so a failure names the command and the driver's error code.
struct WebDriverSession: Sendable {
    /// The session's URL, `http://127.0.0.1:<port>/session/<id>`.
    let url: URL

    /// Opens a headless Chromium session with `arguments` and the browser and performance logs
    /// switched on (``logs(_:)``). `KURA_CHROMIUM` names another Chromium binary.
    static func create(driver: URL, arguments: [String]) async throws -> WebDriverSession {
        var chromeOptions: [String: JSONValue] = ["args": .array(arguments.map(JSONValue.string))]
        if let binary = ProcessInfo.processInfo.environment["KURA_CHROMIUM"] {
            chromeOptions["binary"] = .string(binary)
        }
        let capabilities: JSONValue = .object([
            "capabilities": .object([
                "alwaysMatch": .object([
                    "browserName": .string("chrome"),
                    "goog:chromeOptions": .object(chromeOptions),
                    "goog:loggingPrefs": .object(["browser": .string("ALL"), "performance": .string("ALL")]),
                ])
            ])
        ])
        let value = try await WebDriverHTTP.send("POST", driver.appendingPathComponent("session"), capabilities)
        guard let id = value["sessionId"]?.string else {
            throw WebDriverError(command: "POST /session", status: 200, error: "no session id", message: "")
        }
        return WebDriverSession(url: driver.appendingPathComponent("session").appendingPathComponent(id))
    }

    /// Sends a command relative to the session.
    @discardableResult
    func command(_ method: String, _ path: String, _ body: JSONValue? = nil) async throws -> JSONValue {
        try await WebDriverHTTP.send(method, path.isEmpty ? url : url.appendingPathComponent(path), body)
    }

    /// Ends the session (the driver closes the browser).
    func delete() async throws {
        try await command("DELETE", "")
    }

    // MARK: Navigation

    /// Loads `address` (http, https or file) and waits for the load to finish.
    func navigate(to address: String) async throws {
        try await command("POST", "url", .object(["url": .string(address)]))
    }

    /// Opens a local file.
    func open(file path: String) async throws {
        try await navigate(to: URL(fileURLWithPath: path).absoluteString)
    }

    /// The current URL.
    func currentURL() async throws -> String {
        try await command("GET", "url").string ?? ""
    }

    /// The document's title.
    func title() async throws -> String {
        try await command("GET", "title").string ?? ""
    }

    /// The serialised DOM as it stands now.
    func source() async throws -> String {
        try await command("GET", "source").string ?? ""
    }

    // MARK: Elements

    /// The first element matching `selector`; throws `no such element` if none does.
    func element(_ selector: String) async throws -> WebElement {
        let value = try await command(
            "POST", "element", .object(["using": .string("css selector"), "value": .string(selector)]))
        return try WebElement(session: self, reference: value)
    }

    /// Every element matching `selector`, in document order.
    func elements(_ selector: String) async throws -> [WebElement] {
        let value = try await command(
            "POST", "elements", .object(["using": .string("css selector"), "value": .string(selector)]))
        return try (value.array ?? []).map { try WebElement(session: self, reference: $0) }
    }

    /// Polls `condition` every 100 ms until it holds, or throws after `timeout`.
    func wait(
        _ what: String, timeout: Duration = .seconds(30), until condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            if (try? await condition()) == true { return }
            guard ContinuousClock.now < deadline else {
                throw WebDriverError(
                    command: "wait", status: 0, error: "timeout", message: "waited \(timeout) for \(what)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// The first element matching `selector` once it is displayed.
    func displayedElement(_ selector: String, timeout: Duration = .seconds(30)) async throws -> WebElement {
        try await wait("\(selector) to show", timeout: timeout) { try await element(selector).isDisplayed() }
        return try await element(selector)
    }

    // MARK: Scripts, screenshots, logs

    /// Runs `script` as a function body in the page (`return …` gives the value).
    func execute(_ script: String, _ arguments: [JSONValue] = []) async throws -> JSONValue {
        try await command(
            "POST", "execute/sync", .object(["script": .string(script), "args": .array(arguments)]))
    }

    /// A PNG of the viewport.
    func screenshot() async throws -> Data {
        guard let text = try await command("GET", "screenshot").string, let png = Data(base64Encoded: text) else {
            throw WebDriverError(command: "GET screenshot", status: 200, error: "not base64", message: "")
        }
        return png
    }

    /// Saves a screenshot as `<folder>/<name>.png` (creating the folder) and returns its path.
    @discardableResult
    func saveScreenshot(_ name: String, in folder: String) async throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = "\(folder)/\(name).png"
        try await screenshot().write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The page printed as PDF (W3C "Print Page"), A4 portrait with the page's own print
    /// stylesheet.
    func printPDF() async throws -> Data {
        let body: JSONValue = .object([
            "orientation": .string("portrait"), "background": .bool(false),
            "page": .object(["width": .number(21.0), "height": .number(29.7)]),
        ])
        guard let text = try await command("POST", "print", body).string, let pdf = Data(base64Encoded: text) else {
            throw WebDriverError(command: "POST print", status: 200, error: "not base64", message: "")
        }
        return pdf
    }

    /// Runs a Chrome DevTools Protocol command (ChromeDriver's `goog/cdp/execute`), for what
    /// WebDriver has no command for, such as `Emulation.setEmulatedMedia`.
    @discardableResult
    func devTools(_ method: String, _ parameters: [String: JSONValue] = [:]) async throws -> JSONValue {
        try await command(
            "POST", "goog/cdp/execute", .object(["cmd": .string(method), "params": .object(parameters)]))
    }

    /// One browser log entry.
    struct LogEntry: Sendable {
        /// `INFO`, `WARNING`, `SEVERE`, …
        var level: String
        /// The message (for `performance`, a JSON DevTools event).
        var message: String
    }

    /// The entries of log `type` (`browser`: console and CSP reports; `performance`: DevTools
    /// events) since the last call; ChromeDriver's `se/log` extension.
    func logs(_ type: String) async throws -> [LogEntry] {
        let value = try await command("POST", "se/log", .object(["type": .string(type)]))
        return (value.array ?? []).map {
            LogEntry(level: $0["level"]?.string ?? "", message: $0["message"]?.string ?? "")
        }
    }

    /// The URL of every network request the pages asked for since the last call
    /// (`Network.requestWillBeSent` in the performance log), file loads included.
    func requestedURLs() async throws -> [String] {
        try await logs("performance").compactMap { entry in
            guard let event = try? JSONValue.parse(entry.message)["message"],
                event["method"]?.string == "Network.requestWillBeSent"
            else { return nil }
            return event["params"]?["request"]?["url"]?.string
        }
    }
}

/// An element of a ``WebDriverSession`` (a W3C web element reference).
struct WebElement: Sendable {
    /// The key of an element reference in W3C replies.
    static let referenceKey = "element-6066-11e4-a52e-4f735466cecf"

    let session: WebDriverSession
    let id: String

    init(session: WebDriverSession, reference: JSONValue) throws {
        guard let id = reference[Self.referenceKey]?.string else {
            throw WebDriverError(command: "element", status: 200, error: "not an element", message: "")
        }
        self.session = session
        self.id = id
    }

    private func command(_ method: String, _ path: String, _ body: JSONValue? = nil) async throws -> JSONValue {
        try await session.command(method, "element/\(id)/\(path)", body)
    }

    /// Clicks the element's centre.
    func click() async throws {
        try await command("POST", "click")
    }

    /// Empties an input.
    func clear() async throws {
        try await command("POST", "clear")
    }

    /// Types `text` into the element.
    func sendKeys(_ text: String) async throws {
        try await command("POST", "value", .object(["text": .string(text)]))
    }

    /// The rendered text (what a reader sees).
    func text() async throws -> String {
        try await command("GET", "text").string ?? ""
    }

    /// A DOM property (`value`, `hidden`, …) as JSON.
    func property(_ name: String) async throws -> JSONValue {
        try await command("GET", "property/\(name)")
    }

    /// An HTML attribute, nil when absent.
    func attribute(_ name: String) async throws -> String? {
        try await command("GET", "attribute/\(name)").string
    }

    /// Whether the element is displayed (ChromeDriver's `displayed` command).
    func isDisplayed() async throws -> Bool {
        try await command("GET", "displayed") == .bool(true)
    }
}
