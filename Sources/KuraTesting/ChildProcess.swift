import Foundation

/// Runs programs for tests (the built `kura` binary, openssl, curl, psql) and collects their
/// output. Tests never call `swift build` or `swift run` (DESIGN "Testing notes").
public struct ChildProcess: Sendable {
    /// What a finished program left behind.
    public struct Outcome: Sendable {
        /// The exit status (or 128 + signal number when killed).
        public var status: Int32
        /// Standard output as UTF-8 (lossy).
        public var output: String
        /// Standard error as UTF-8 (lossy).
        public var error: String
    }

    /// The path of an executable built by `scripts/test`, from the environment variable `name`.
    public static func builtExecutable(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap {
            FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil
        }
    }

    /// Runs `executable` with `arguments` to completion (at most `timeout` seconds).
    ///
    /// The waiting happens on a thread of its own, never on the cooperative pool: a test that
    /// blocked a pool thread while its program talks to a server in the same process could
    /// starve that server (the pool has one thread per core).
    public static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String] = [:],
        input: [UInt8]? = nil,
        timeout: TimeInterval = 120
    ) async throws -> Outcome {
        try await Blocking.run {
            try runBlocking(executable, arguments, environment: environment, input: input, timeout: timeout)
        }
    }

    static func runBlocking(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String],
        input: [UInt8]?,
        timeout: TimeInterval
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : try which(executable))
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        if let input {
            standardInput.fileHandleForWriting.write(Data(input))
        }
        try standardInput.fileHandleForWriting.close()
        // Read both pipes concurrently so a chatty program cannot block on a full pipe.
        let collected = CollectedOutput()
        let group = DispatchGroup()
        for (pipe, isError) in [(output, false), (error, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isError: isError)
                group.leave()
            }
        }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            group.wait()
        }
        process.waitUntilExit()
        let (out, err) = collected.values
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Outcome(status: status, output: out, error: err)
    }

    /// The full path of a program on `PATH`.
    public static func which(_ name: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw ConformanceFailure("\(name) is not installed (scripts/test installs it)")
    }
}

/// Output gathered from two reader threads.
final class CollectedOutput: @unchecked Sendable {
    // SAFETY: every access holds `lock`.
    private let lock = NSLock()
    private var output = Data()
    private var error = Data()

    func set(_ data: Data, isError: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isError { error = data } else { output = data }
    }

    var values: (String, String) {
        lock.lock()
        defer { lock.unlock() }
        return (String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }
}

/// Runs blocking work (waiting for a child process, reading a pipe) on a dispatch thread and
/// awaits it, so the cooperative thread pool stays free.
public enum Blocking {
    /// Runs `body` on a global dispatch queue and returns its result.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
