extension TileResource {
    /// Parses the part of a URL path after the log prefix (`/log/`), strictly as C2SP
    /// tlog-tiles writes it: `tile/<L>/<N>[.p/<W>]` or `tile/entries/<N>[.p/<W>]`.
    ///
    /// Exactly one spelling is accepted for each resource, so caches and stores never see two
    /// names for one tile: no leading zeros in L or W, no all-zero leading group in N, ASCII
    /// digits only, at most 7 groups (the largest 64-bit index), nothing after the resource.
    public init(parsing path: some StringProtocol) throws(TilePathError) {
        let bytes = Array(path.utf8)
        let segments = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard segments.count >= 3, segments[0].elementsEqual("tile".utf8) else { throw .notATilePath }

        let isEntryBundle = segments[1].elementsEqual("entries".utf8)
        let level: Int
        if isEntryBundle {
            level = 0
        } else {
            guard let parsed = Self.decimal(segments[1], in: 0...TileCoordinate.maxLevel) else { throw .invalidLevel }
            level = parsed
        }

        var next = 2
        var index: UInt64 = 0
        var groupCount = 0
        var partialWidth: Int?
        while true {
            guard next < segments.count else { throw .invalidIndex }
            var segment = segments[next]
            next += 1
            groupCount += 1
            // 18_446_744_073_709_551_615 has 7 groups; more can only overflow.
            guard groupCount <= 7 else { throw .invalidIndex }
            let isLast = segment.first != UInt8(ascii: "x")
            var hasWidth = false
            if isLast {
                if segment.count == 5, segment.suffix(2).elementsEqual(".p".utf8) {
                    hasWidth = true
                    segment = segment.prefix(3)
                }
            } else {
                segment = segment.dropFirst()
            }
            guard let group = Self.threeDigits(segment) else { throw .invalidIndex }
            // A leading all-zero group would be a second name for a smaller index.
            guard !(groupCount == 1 && !isLast && group == 0) else { throw .invalidIndex }
            let (scaled, scaleOverflow) = index.multipliedReportingOverflow(by: 1000)
            let (sum, addOverflow) = scaled.addingReportingOverflow(group)
            guard !scaleOverflow, !addOverflow else { throw .invalidIndex }
            index = sum
            guard isLast else { continue }
            if hasWidth {
                guard next < segments.count,
                    let width = Self.decimal(segments[next], in: 1...(TileCoordinate.fullWidth - 1))
                else { throw .invalidWidth }
                partialWidth = width
                next += 1
            }
            guard next == segments.count else { throw .unexpectedSegments }
            break
        }
        // Cannot fail: level and width were range-checked above.
        guard let coordinate = TileCoordinate(level: level, index: index, partialWidth: partialWidth) else {
            throw .invalidIndex
        }
        self = isEntryBundle ? .entryBundle(coordinate) : .hashes(coordinate)
    }

    /// A decimal of at most three ASCII digits, no leading zero unless it is "0", within `range`.
    private static func decimal(_ digits: ArraySlice<UInt8>, in range: ClosedRange<Int>) -> Int? {
        guard (1...3).contains(digits.count), digits.allSatisfy(isDigit) else { return nil }
        guard digits.count == 1 || digits.first != UInt8(ascii: "0") else { return nil }
        let value = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        return range.contains(value) ? value : nil
    }

    /// Exactly three ASCII digits (leading zeros required: the group is zero-padded).
    private static func threeDigits(_ digits: ArraySlice<UInt8>) -> UInt64? {
        guard digits.count == 3, digits.allSatisfy(isDigit) else { return nil }
        return digits.reduce(0) { $0 * 10 + UInt64($1 - UInt8(ascii: "0")) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
