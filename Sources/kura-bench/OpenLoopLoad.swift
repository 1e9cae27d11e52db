import HTTPTypes
import HummingbirdTesting
import NIOCore

/// Sends requests on a fixed schedule without waiting for earlier answers (an open loop, as
/// independent clients behave), over a pool of keep-alive connections, and records each answer.
///
/// A closed loop (send the next request when the last one answered) would slow down with the
/// server and hide its queueing; here every request's latency counts from the moment it was due.
struct OpenLoopLoad: Sendable {
    let pool: ConnectionPool

    /// Sends `count` requests, one every `interval` from `start`, each on its own task;
    /// `make(index)` builds the index-th request. Returns when every answer is in.
    func run(
        _ stream: RequestOutcome.Stream,
        count: Int,
        interval: Duration,
        start: ContinuousClock.Instant,
        make: (Int) -> TestClient.Request
    ) async -> [RequestOutcome] {
        await withTaskGroup(of: RequestOutcome.self) { group in
            for index in 0..<count {
                let due = start + interval * index
                try? await Task.sleep(until: due, tolerance: .zero, clock: .continuous)
                let request = make(index)
                group.addTask { await send(request, stream: stream, due: due) }
            }
            var outcomes: [RequestOutcome] = []
            outcomes.reserveCapacity(count)
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
    }

    /// Sends one request on an idle or new connection; a connection that failed is closed.
    func send(
        _ request: TestClient.Request, stream: RequestOutcome.Stream, due: ContinuousClock.Instant
    ) async
        -> RequestOutcome
    {
        let client = await pool.take()
        do {
            let response = try await client.execute(request)
            let latency = due.duration(to: .now)
            await pool.giveBack(client)
            let retryAfter = response.headers[.retryAfter].flatMap { Int($0) }
            return RequestOutcome(
                stream: stream, status: response.status.code, latency: latency, retryAfter: retryAfter)
        } catch {
            try? await client.shutdown()
            return RequestOutcome(stream: stream, status: nil, latency: due.duration(to: .now), retryAfter: nil)
        }
    }
}
