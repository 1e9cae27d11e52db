import ArgumentParser
import Foundation
import KuraCore
import KuraServer

/// `kura-bench password`: how long one scrypt password hash takes at several costs, to choose
/// `ScryptParameters.password` (100–250 ms per hash in a release build; BENCHMARKS.md), and how
/// many hashes per second `PasswordHasher` sustains at the production cost.
struct PasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password",
        abstract: "Time one scrypt password hash at candidate costs; measure PasswordHasher throughput."
    )

    @Option(help: "Hashes timed per candidate (after one warm-up hash).")
    var iterations: Int = 7

    @Option(help: "Hashing threads for the throughput run (default: the number of cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    /// The candidates: N from 2^14 to 2^17 at r = 8 (RFC 7914 §2's recommended block size), p = 1.
    static let candidates: [ScryptParameters] = [14, 15, 16, 17].map {
        ScryptParameters(log2N: $0, blockSize: 8, parallelism: 1)!
    }

    func validate() throws {
        guard iterations > 0, threads > 0 else { throw ValidationError("--iterations and --threads must be positive") }
    }

    func run() async throws {
        print("password hashing: one hash per run, \(iterations) runs after a warm-up")
        print("parameters                    memory    min ms  median ms    max ms")
        let password = Array("correct horse battery staple".utf8)
        let salt = [UInt8](repeating: 0x5A, count: PasswordHash.saltByteCount)
        for parameters in Self.candidates {
            _ = try PasswordHash.make(password: password, salt: salt, parameters: parameters)
            var times: [Double] = []
            for _ in 0..<iterations {
                let start = ContinuousClock.now
                _ = try PasswordHash.make(password: password, salt: salt, parameters: parameters)
                times.append(Self.milliseconds(start.duration(to: .now)))
            }
            times.sort()
            let mebibytes = (128 * Int(parameters.blockSize) * parameters.cost) >> 20
            let marks = parameters == .password ? "  ← ScryptParameters.password" : ""
            print(
                pad("\(parameters)", 28) + pad("\(mebibytes) MiB", 10, right: true)
                    + Self.format(times.first!) + Self.format(times[times.count / 2]) + Self.format(times.last!) + marks
            )
        }
        try await throughput()
    }

    /// Hashes `iterations × threads` passwords concurrently through `PasswordHasher` at the
    /// production cost and prints hashes per second.
    func throughput() async throws {
        let hasher = PasswordHasher(
            parameters: .password, threads: threads, queueLimit: iterations * threads, random: SystemRandomBytes())
        let count = iterations * threads
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                group.addTask { _ = try await hasher.hash("password number \(index)") }
            }
            try await group.waitForAll()
        }
        let seconds = Self.milliseconds(start.duration(to: .now)) / 1000
        print(
            "PasswordHasher, \(ScryptParameters.password), \(threads) threads: \(count) hashes in "
                + String(format: "%.2f s = %.1f hashes/s", seconds, Double(count) / seconds)
        )
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func format(_ milliseconds: Double) -> String {
        pad(String(format: "%.1f", milliseconds), 10, right: true)
    }
}

/// `text` padded with spaces to `width` (on the left when `right`).
private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
}
