extension PatientNameIndex {
    /// Ids of patients whose reading, or any word of it, starts with `kanaPrefix` once
    /// normalised: ヤマ finds ヤマダ タロウ, タロ finds it by the given name, and ヤマダタ by the whole.
    ///
    /// At most `limit` ids, in reading-then-id order; none for an empty or whitespace-only query.
    /// Two binary searches, then work in proportion to the matches and `limit`.
    public func search(kanaPrefix: String, limit: Int) -> [String] {
        let prefix = Array(KanaNormalizer.normalize(kanaPrefix).utf8)
        guard !prefix.isEmpty, limit > 0 else { return [] }
        return arena.withUnsafeBufferPointer { bytes in
            prefix.withUnsafeBufferPointer { prefix in
                let keys = Keys(bytes: bytes, slots: slots)
                // Whole readings with the prefix are a run of byReading, already in result order.
                var found: [Int32] = []
                var index = Self.partition(byReading) { Self.compare(keys.reading($0), prefix) == .less }
                while index < byReading.count, found.count < limit,
                    Self.hasPrefix(keys.reading(byReading[index]), prefix)
                {
                    found.append(byReading[index])
                    index += 1
                }
                // Later words with the prefix are a run of byWord in another order: keep the
                // `limit` smallest by reading order, skipping patients the first run already has.
                index = Self.partition(byWord) { Self.compare(keys.suffix($0), prefix) == .less }
                while index < byWord.count, Self.hasPrefix(keys.suffix(byWord[index]), prefix) {
                    let slot = byWord[index].slot
                    index += 1
                    if Self.hasPrefix(keys.reading(slot), prefix) { continue }
                    if found.count == limit, !keys.readingOrder(slot, found[limit - 1]) { continue }
                    let position = Self.partition(found) { keys.readingOrder($0, slot) }
                    if position < found.count && found[position] == slot { continue }  // two words matched
                    found.insert(slot, at: position)
                    if found.count > limit { found.removeLast() }
                }
                return found.map { slots[Int($0)].id }
            }
        }
    }

    /// Ids of patients whose name contains `name` once normalised, or whose reading contains it
    /// as a reading (so kana typed into the name box works too): 田 finds 山田 太郎, たろう finds
    /// ヤマダ タロウ.
    ///
    /// At most `limit` ids, in reading-then-id order; none for an empty or whitespace-only query.
    /// A scan of every patient in result order that stops at `limit` matches.
    public func search(name: String, limit: Int) -> [String] {
        let nameKey = Array(KanaNormalizer.normalizeName(name).utf8)
        let readingKey = Array(KanaNormalizer.normalize(name).utf8)
        guard !nameKey.isEmpty || !readingKey.isEmpty, limit > 0 else { return [] }
        return arena.withUnsafeBufferPointer { bytes in
            nameKey.withUnsafeBufferPointer { nameKey in
                readingKey.withUnsafeBufferPointer { readingKey in
                    let keys = Keys(bytes: bytes, slots: slots)
                    var found: [String] = []
                    for slot in byReading {
                        if (!nameKey.isEmpty && Self.contains(keys.name(slot), nameKey))
                            || (!readingKey.isEmpty && Self.contains(keys.reading(slot), readingKey))
                        {
                            found.append(slots[Int(slot)].id)
                            if found.count == limit { break }
                        }
                    }
                    return found
                }
            }
        }
    }

    /// Whether `needle` occurs in `haystack` (byte search; UTF-8 cannot match mid-character).
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= haystack.count else { return false }
        let first = needle[0]
        var start = 0
        let lastStart = haystack.count - needle.count
        while start <= lastStart {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}

extension PatientNameIndex {
    /// The first `limit` of `ids` in the index's order (reading key, then id); ids the index
    /// does not hold (merged records) are left out. One lookup per id marks its slot in a
    /// bitmap, then one walk of the order picks the marked slots until `limit`.
    public func ordered(_ ids: some Sequence<String>, limit: Int) -> [String] {
        var wanted = [Bool](repeating: false, count: slots.count)
        var marked = 0
        for id in ids {
            if let slot = slotByID[id], !wanted[Int(slot)] {
                wanted[Int(slot)] = true
                marked += 1
            }
        }
        var found: [String] = []
        found.reserveCapacity(min(limit, marked))
        for slot in byReading where wanted[Int(slot)] {
            found.append(slots[Int(slot)].id)
            if found.count == limit { break }
        }
        return found
    }
}
