import KuraCore

/// Kana search without the service around it: the in-memory `PatientNameIndex` alone, beside
/// two baselines over the same normalised reading keys (`KanaNormalizer.normalize`):
///
/// - **linear scan**: every key compared with the query's key byte for byte, the matches kept
///   up to the limit — what a search without an index does;
/// - **sorted array**: the keys sorted once, a binary search for the first key not below the
///   query, then the run of keys with the prefix up to the limit — the floor for a prefix
///   search in memory.
///
/// Both baselines normalise the query as the index does, and match whole readings only (the
/// index also finds later words, such as the given name).
struct KanaSearchBench {
    /// The patients as the directory holds them.
    let patients: [(id: String, kana: String, name: String)]
    /// The queries, as typed.
    let queries: [String]
    /// The most ids one query returns (`RecordService` asks for `searchLimit × 20`).
    let limit: Int

    /// `count` queries: the first two to six characters of random patients' readings, typed in
    /// hiragana as a person at a keyboard would.
    static func queries(from patients: [(id: String, kana: String, name: String)], count: Int) -> [String] {
        var random = SplitMix64(state: 0x5EA4C4)
        return (0..<count).map { _ in
            let reading = KanaNormalizer.normalize(patients[Int(random.next() % UInt64(patients.count))].kana)
            let length = 2 + Int(random.next() % 5)
            return hiragana(String(reading.prefix(length)))
        }
    }

    /// Katakana letters turned into hiragana (ア→あ); everything else kept.
    static func hiragana(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x30A1...0x30F6).contains(scalar.value), let shifted = Unicode.Scalar(scalar.value - 0x60) {
                scalars.append(shifted)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Builds the index (timed), then times every query; returns the build time, the latencies
    /// and the matches found in total.
    func index() -> (build: Duration, latencies: [Duration], found: Int) {
        let start = ContinuousClock.now
        let index = PatientNameIndex(patients)
        let build = start.duration(to: .now)
        var found = 0
        let latencies = queries.map { query in
            let begun = ContinuousClock.now
            found += index.search(kanaPrefix: query, limit: limit).count
            return begun.duration(to: .now)
        }
        return (build, latencies, found)
    }

    /// The linear-scan baseline's latencies and matches.
    func linearScan() -> (latencies: [Duration], found: Int) {
        let keys = patients.map { Array(KanaNormalizer.normalize($0.kana).utf8) }
        var found = 0
        let latencies = queries.map { query in
            let begun = ContinuousClock.now
            let prefix = Array(KanaNormalizer.normalize(query).utf8)
            var matches: [Int] = []
            for (position, key) in keys.enumerated() where key.starts(with: prefix) {
                matches.append(position)
                if matches.count == limit { break }
            }
            found += matches.count
            return begun.duration(to: .now)
        }
        return (latencies, found)
    }

    /// The sorted-array baseline's latencies and matches.
    func sortedArray() -> (latencies: [Duration], found: Int) {
        let sorted = patients.map { (key: Array(KanaNormalizer.normalize($0.kana).utf8), id: $0.id) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
        var found = 0
        let latencies = queries.map { query in
            let begun = ContinuousClock.now
            let prefix = Array(KanaNormalizer.normalize(query).utf8)
            var low = 0
            var high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle].key.lexicographicallyPrecedes(prefix) { low = middle + 1 } else { high = middle }
            }
            var matches: [String] = []
            while low < sorted.count, matches.count < limit, sorted[low].key.starts(with: prefix) {
                matches.append(sorted[low].id)
                low += 1
            }
            found += matches.count
            return begun.duration(to: .now)
        }
        return (latencies, found)
    }
}
