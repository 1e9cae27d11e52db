import Foundation

#if canImport(Glibc)
    import Glibc
#endif

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

    /// Spawns the program with `posix_spawn` rather than Foundation's `Process`: in Swift 6.3's
    /// Foundation, `Process.run()` lists `/proc/self/fd` with a read past the end of its
    /// directory buffer (AddressSanitizer: heap-buffer-overflow in
    /// `findMaximumOpenFromProcSelfFD`), which corrupted the test process now and then once it
    /// held many descriptors. Here the child closes every descriptor above 2 itself
    /// (`posix_spawn_file_actions_addclosefrom_np`), starts with no signal blocked, and is
    /// killed when `timeout` passes.
    static func runBlocking(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String],
        input: [UInt8]?,
        timeout: TimeInterval
    ) throws -> Outcome {
        let path = executable.hasPrefix("/") ? executable : try which(executable)
        var pipes: [[Int32]] = []
        defer { for pair in pipes { for fd in pair where fd >= 0 { close(fd) } } }
        for _ in 0..<3 {
            var fds: [Int32] = [-1, -1]
            guard pipe(&fds) == 0 else { throw ConformanceFailure("pipe failed: errno \(errno)") }
            // Close-on-exec, so another child spawned meanwhile does not hold this pipe open.
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            pipes.append(fds)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipes[0][0], 0)
        posix_spawn_file_actions_adddup2(&actions, pipes[1][1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipes[2][1], 2)
        Self.closeFrom?(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGPIPE, SIGXFSZ] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let argv = ([path] + arguments).map { strdup($0) }
        let envp = merged.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv + [nil], envp + [nil])
        guard spawned == 0 else { throw ConformanceFailure("cannot start \(path): errno \(spawned)") }
        // The parent keeps its ends only.
        for fd in [pipes[0][0], pipes[1][1], pipes[2][1]] { close(fd) }
        (pipes[0][0], pipes[1][1], pipes[2][1]) = (-1, -1, -1)

        let collected = CollectedOutput()
        let group = DispatchGroup()
        for (fd, isError) in [(pipes[1][0], false), (pipes[2][0], true)] {
            group.enter()
            Thread.detachNewThread {
                collected.set(Self.readAll(fd), isError: isError)
                group.leave()
            }
        }
        if let input {
            var offset = 0
            while offset < input.count {
                let written = input[offset...].withUnsafeBytes { write(pipes[0][1], $0.baseAddress, $0.count) }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { break }
                offset += written
            }
        }
        close(pipes[0][1])
        pipes[0][1] = -1

        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { throw ConformanceFailure("waitpid failed: errno \(errno)") }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                break
            }
            usleep(5_000)
        }
        group.wait()
        let (out, err) = collected.values
        // WIFEXITED / WEXITSTATUS / WTERMSIG by hand: the macros are not imported.
        let signal = status & 0x7F
        let exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        return Outcome(status: exitStatus, output: out, error: err)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later; a GNU extension Swift
    /// does not import): the child closes every descriptor from the given one up.
    private static let closeFrom:
        (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32)? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
            else { return nil }
            return unsafeBitCast(
                symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32).self)
        }()

    /// Every byte from `fd` until end of file.
    private static func readAll(_ fd: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
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

/// Runs blocking work (waiting for a child process, reading a pipe) on a thread of its own and
/// awaits it, so the cooperative thread pool stays free.
///
/// Not on `DispatchQueue.global()`: on Linux its worker threads are the very threads Swift
/// concurrency runs on (one per core), so a child's wait and its two pipe readers would take
/// all of them on a two-core machine, starving the server under test in the same process
/// (requests timed out) and leaving a chatty child blocked on a full pipe.
public enum Blocking {
    /// Runs `body` on a new thread and returns its result.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
