import HTTPTypes
import HummingbirdTesting
import NIOCore
import Synchronization

/// Authenticated entry writes through the HTTP API: `clients` keep-alive HTTP/1.1 connections,
/// each sending `POST /api/v1/patients/{id}/entries` with `"finalize": true` and a bearer token,
/// the next as soon as the last was answered (a closed loop), to random patients of the
/// physician's care team.
struct EntryWriteLoad: Sendable {
    let port: Int
    let token: String
    let patientIDs: [String]
    let clients: Int
    let group: any EventLoopGroup

    /// What a run measured: every answered request's latency, and the statuses.
    struct Result: Sendable {
        var loop: ClosedLoop.Result
        /// How many answers had each status.
        var statuses: [Int: Int]
        /// Requests that failed without an answer (connection errors, timeouts).
        var unanswered: Int

        /// Answers with 201 Created per second.
        var created: Double {
            Double(statuses[201] ?? 0) / (LatencySummary.milliseconds(loop.elapsed) / 1000)
        }
    }

    /// Runs the load for `duration` on new connections (opened before the clock starts).
    func run(duration: Duration) async throws -> Result {
        let connections = (0..<clients).map { _ in
            TestClient(
                host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60)),
                eventLoopGroupProvider: .shared(group))
        }
        for connection in connections { connection.connect() }
        for connection in connections { _ = try await connection.getChannel() }
        let statuses = Mutex<[Int: Int]>([:])
        let unanswered = Atomic<Int>(0)
        let patientIDs = self.patientIDs
        let token = self.token
        let loop = await ClosedLoop(callers: clients, duration: duration).run { caller, random in
            let patient = patientIDs[Int(random.next() % UInt64(patientIDs.count))]
            let body = SyntheticClinic.entryBody(Int(random.next() % 1000))
            var headers: HTTPFields = [
                .contentType: "application/json", .authorization: "Bearer \(token)", .userAgent: "kura-bench",
                .connection: "keep-alive",
            ]
            headers[.accept] = "application/json"
            let response: TestClient.Response
            do {
                response = try await connections[caller].execute(
                    TestClient.Request(
                        "/api/v1/patients/\(patient)/entries", method: .post, authority: "localhost", headers: headers,
                        body: ByteBuffer(string: body)))
            } catch {
                unanswered.add(1, ordering: .relaxed)
                throw error
            }
            let code = Int(response.status.code)
            statuses.withLock { $0[code, default: 0] += 1 }
            guard code == 201 else { throw BenchError.invalid("status \(code)") }
        }
        for connection in connections { try? await connection.shutdown() }
        return Result(
            loop: loop, statuses: statuses.withLock { $0 }, unanswered: unanswered.load(ordering: .relaxed))
    }
}
