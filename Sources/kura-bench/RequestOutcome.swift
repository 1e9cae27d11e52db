/// What one request of a load run came back with.
struct RequestOutcome: Sendable {
    /// The stream a request belongs to.
    enum Stream: Sendable, Hashable {
        /// `GET /healthz`: no session, one store read.
        case health
        /// `GET /api/v1/me/sessions`: a signed-in session resolved (three reads) plus one list read.
        case sessions
        /// `POST /api/v1/session` with a wrong password.
        case attempt
    }

    let stream: Stream
    /// The HTTP status, or nil when the request failed (connection refused or reset, timeout).
    let status: Int?
    /// From the moment the request was due until its whole answer arrived (open loop: a late
    /// send counts against the server, so nothing hides behind a slow client).
    let latency: Duration
    /// The Retry-After header in seconds when it was present and a number.
    let retryAfter: Int?
}
