import Foundation
import HTTPTypes
import HummingbirdTesting
import KuraTesting
import NIOCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small W3C WebDriver client (https://www.w3.org/TR/webdriver2/) for browser tests: it
/// starts `chromedriver` on a free loopback port, opens a headless Chromium session, and talks
/// JSON over HTTP through HummingbirdTesting's client (``WebDriverHTTP``; no new dependency).
///
/// Chromium and chromedriver come from Debian (`chromium`, `chromium-driver`, matching
/// versions); `scripts/test` installs them and sets `KURA_CHROMEDRIVER` and
/// `KURA_REQUIRE_BROWSER=1`, which turns a missing driver into a failure instead of a skip.
/// Use ``withSession(_:_:)``: it always ends the session and the driver, also when the body
/// throws, so no browser outlives its test.
enum WebDriver {
    /// The chromedriver to run: `KURA_CHROMEDRIVER`, else `/usr/bin/chromedriver` if present.
    static var driverPath: String? {
        let configured = ProcessInfo.processInfo.environment["KURA_CHROMEDRIVER"] ?? "/usr/bin/chromedriver"
        return FileManager.default.isExecutableFile(atPath: configured) ? configured : nil
    }

    /// Set by `scripts/test`: the browser tests must run.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["KURA_REQUIRE_BROWSER"] == "1" }

    /// Whether browser tests run (available), or must run and then fail (required).
    static var isEnabled: Bool { driverPath != nil || isRequired }

    /// How the browser is started.
    struct Options: Sendable {
        /// The window size, which is also the screenshot size.
        var windowSize = (width: 1280, height: 1400)
        /// The page language (`--lang`).
        var language = "ja"
        /// Extra Chromium arguments.
        var extraArguments: [String] = []

        /// The Chromium arguments: headless (new), no sandbox when running as root (Chromium
        /// refuses otherwise), a throwaway profile, and no background traffic of its own, so
        /// the performance log shows only what pages load.
        func arguments(profile: String) -> [String] {
            var arguments = [
                "--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-features=Translate,OptimizationHints",
                "--user-data-dir=\(profile)", "--window-size=\(windowSize.width),\(windowSize.height)",
                "--lang=\(language)", "--accept-lang=\(language)",
            ]
            if getuid() == 0 { arguments.append("--no-sandbox") }
            return arguments + extraArguments
        }
    }

    /// Starts chromedriver and a session, runs `body`, then deletes the session and stops the
    /// driver whatever happened.
    static func withSession<R: Sendable>(
        _ options: Options = Options(), _ body: (WebDriverSession) async throws -> R
    ) async throws -> R {
        guard let path = driverPath else {
            throw ConformanceFailure(
                "chromedriver is missing: install chromium and chromium-driver (scripts/test does)")
        }
        let work = try TemporaryDirectory(prefix: "kura-webdriver")
        defer { work.remove() }
        let driver = try await DriverProcess.start(path: path, log: work.file("chromedriver.log"))
        defer { driver.stop() }
        let session: WebDriverSession
        do {
            session = try await WebDriverSession.create(
                driver: driver.baseURL, arguments: options.arguments(profile: work.file("profile")))
        } catch {
            throw ConformanceFailure("no browser session: \(error)\n\(driver.logTail())")
        }
        do {
            let result = try await body(session)
            try? await session.delete()
            return result
        } catch {
            try? await session.delete()
            throw error
        }
    }
}

/// Why a WebDriver command failed: the W3C error code and message (never page content).
struct WebDriverError: Error, CustomStringConvertible {
    /// The command, as "METHOD path".
    var command: String
    /// The HTTP status.
    var status: Int
    /// The W3C error code (`no such element`, `timeout`, …).
    var error: String
    /// The driver's message.
    var message: String

    var description: String { "\(command): HTTP \(status) \(error): \(message.prefix(500))" }
}

/// The running `chromedriver` child process.
///
/// It is spawned with `posix_spawn` and an empty signal mask rather than Foundation's
/// `Process`: test code runs on threads that block most signals (libdispatch's workers), a
/// child inherits that mask, and a ChromeDriver with SIGTERM blocked would outlive its test.
final class DriverProcess: Sendable {
    let pid: pid_t
    let baseURL: URL
    let logPath: String
    /// Set once the child has been reaped, so it is waited for exactly once.
    private let reaped = Mutex(false)

    private init(pid: pid_t, baseURL: URL, logPath: String) {
        self.pid = pid
        self.baseURL = baseURL
        self.logPath = logPath
    }

    /// Starts chromedriver on a free loopback port and waits until `/status` says ready; tries
    /// another port if the first was taken in between.
    static func start(path: String, log: String) async throws -> DriverProcess {
        var lastError: any Error = ConformanceFailure("chromedriver did not start")
        for _ in 0..<3 {
            let port = try freePort()
            let pid = try spawn(path, ["--port=\(port)", "--allowed-ips=127.0.0.1", "--log-path=\(log)"], output: log)
            let driver = DriverProcess(pid: pid, baseURL: URL(string: "http://127.0.0.1:\(port)")!, logPath: log)
            do {
                try await driver.waitUntilReady()
                return driver
            } catch {
                lastError = error
                driver.stop()
            }
        }
        throw lastError
    }

    /// Runs `path` with `arguments`, standard output and error appended to `output`, standard
    /// input from /dev/null, every signal unblocked and SIGTERM, SIGINT and SIGPIPE at their
    /// default action.
    static func spawn(_ path: String, _ arguments: [String], output: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([path] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, path, &actions, &attributes, argv + [nil], environ)
        guard result == 0 else { throw ConformanceFailure("cannot start \(path): errno \(result)") }
        return pid
    }

    /// Whether the child still runs (reaping it if it has ended).
    var isRunning: Bool {
        reaped.withLock { done in
            guard !done else { return false }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { done = true }
            return !done
        }
    }

    /// Polls `GET /status` for up to 15 seconds.
    func waitUntilReady() async throws {
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            guard isRunning else { throw ConformanceFailure("chromedriver exited: \(logTail())") }
            if let status = try? await WebDriverHTTP.send("GET", baseURL.appendingPathComponent("status")),
                status["ready"] == .bool(true)
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ConformanceFailure("chromedriver was not ready within 15 s: \(logTail())")
    }

    /// Stops the driver: SIGTERM, up to 5 seconds to exit, then SIGKILL; only this child, by
    /// its own id.
    func stop() {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        for _ in 0..<50 {
            guard isRunning else { return }
            usleep(100_000)
        }
        kill(pid, SIGKILL)
        reaped.withLock { done in
            var status: Int32 = 0
            if !done { _ = waitpid(pid, &status, 0) }
            done = true
        }
    }

    /// The end of the driver's log, for failure messages.
    func logTail() -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return String(text.suffix(2000))
    }

    /// A port nothing listens on right now: bind port 0 on loopback, read it, close.
    static func freePort() throws -> Int {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw ConformanceFailure("socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && getsockname(fd, generic, &length) == 0
            }
        }
        guard bound else { throw ConformanceFailure("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// JSON over HTTP to the driver, one loopback connection per command.
///
/// It uses HummingbirdTesting's NIO `TestClient`, not `URLSession`: Foundation's URLSession on
/// Linux fails every ChromeDriver reply with "Failed writing header", because ChromeDriver
/// writes `Content-Length:249` without a space after the colon (valid HTTP, RFC 9110 §5.6.3:
/// the whitespace is optional), which swift-corelibs-foundation refuses.
enum WebDriverHTTP {
    /// Sends a command and returns the reply's `value`; a W3C error reply throws
    /// ``WebDriverError``.
    static func send(_ method: String, _ url: URL, _ body: JSONValue? = nil) async throws -> JSONValue {
        guard let host = url.host, let port = url.port, let verb = HTTPRequest.Method(method) else {
            throw ConformanceFailure("not a WebDriver URL: \(url)")
        }
        var headers: HTTPFields = [:]
        var buffer: ByteBuffer?
        if method == "POST" {
            buffer = ByteBuffer(bytes: try body.map { try JSONEncoder().encode($0) } ?? Data("{}".utf8))
            headers[.contentType] = "application/json; charset=utf-8"
        }
        // ChromeDriver refuses a Host other than a loopback name (DNS-rebinding guard).
        let request = TestClient.Request(
            url.path, method: verb, authority: "\(host):\(port)", headers: headers, body: buffer)
        let response = try await TestClient.withClient(
            host: host, port: port, configuration: .init(timeout: .seconds(120))
        ) { client in try await client.execute(request) }
        let bytes = response.body.map { Data($0.readableBytesView) } ?? Data()
        let reply = try JSONDecoder().decode(JSONValue.self, from: bytes)
        let value = reply["value"] ?? .null
        guard (200..<300).contains(response.status.code) else {
            throw WebDriverError(
                command: "\(method) \(url.path)", status: response.status.code,
                error: value["error"]?.string ?? "unknown error", message: value["message"]?.string ?? "")
        }
        return value
    }
}

extension JSONValue: Encodable {
    /// Encodes the value as it was decoded (requests to the driver are built from it).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
