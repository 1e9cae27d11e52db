import Foundation
import Hummingbird
import KuraCore
import KuraServer
import KuraStore
import Logging
import ServiceLifecycle

/// The crash tests' harness (never part of the shipped `kura` binary): runs the real server
/// (``buildApplication(configuration:logger:clock:onServerRunning:)``) and appends ledger
/// events through its group-commit writer from several concurrent writers, printing
/// `ack <leaf id>` after each append is acknowledged (durable). The test kills it with SIGKILL
/// at a random moment, restarts, and checks that every acknowledged leaf survived.
///
/// Usage: kura-test-harness DATA_DIR [POSTGRES_URL]
@main
struct CrashHarness {
    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2 else {
            FileHandle.standardError.write(Data("usage: kura-test-harness DATA_DIR [POSTGRES_URL]\n".utf8))
            exit(2)
        }
        var logger = Logger(label: "kura-test-harness")
        logger.logLevel = .warning
        let configuration = ServerConfiguration(
            dataDirectory: arguments[1],
            databaseURL: arguments.count > 2 ? arguments[2] : nil,
            port: 0,
            insecureHTTP: true,
            checkpointInterval: .milliseconds(50)
        )
        let (application, _, services) = try await buildApplication(configuration: configuration, logger: logger)
        let output = AckOutput()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.run() }
            for writer in 0..<8 {
                group.addTask {
                    var sequence = 0
                    while !Task.isCancelled {
                        sequence += 1
                        let write = try services.events.append(
                            kind: "test.crash-harness",
                            fields: ["writer": .integer(Int64(writer)), "sequence": .integer(Int64(sequence))]
                        )
                        let outcomes = try await services.writer.submit(WriteUnit([write]))
                        for case .leafAppended(let id) in outcomes {
                            output.ack(id)
                        }
                    }
                }
            }
            try await group.next()
        }
    }
}

/// Writes acknowledgement lines unbuffered, so none is lost when the process is killed.
final class AckOutput: Sendable {
    func ack(_ id: LeafID) {
        let line = Array("ack \(id.rawValue)\n".utf8)
        line.withUnsafeBytes { buffer in
            _ = write(1, buffer.baseAddress, buffer.count)
        }
    }
}
