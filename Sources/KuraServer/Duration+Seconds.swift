extension Duration {
    /// The duration in seconds, with its fraction (for reports and timings).
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
