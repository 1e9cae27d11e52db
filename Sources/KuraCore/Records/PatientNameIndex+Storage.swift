extension PatientNameIndex {
    /// Read-only access to the keys, for comparisons inside one `withUnsafeBufferPointer`.
    struct Keys {
        let bytes: UnsafeBufferPointer<UInt8>
        let slots: [Slot]

        func reading(_ slot: Int32) -> UnsafeBufferPointer<UInt8> {
            let entry = slots[Int(slot)]
            return UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.start) + Int(entry.readingCount)])
        }

        func name(_ slot: Int32) -> UnsafeBufferPointer<UInt8> {
            let entry = slots[Int(slot)]
            let start = Int(entry.start) + Int(entry.readingCount)
            return UnsafeBufferPointer(rebasing: bytes[start..<start + Int(entry.nameCount)])
        }

        /// The byte offsets in the reading key of the words after the first.
        func wordStarts(_ slot: Int32) -> [UInt16] {
            let entry = slots[Int(slot)]
            let start = Int(entry.start) + Int(entry.readingCount) + Int(entry.nameCount)
            return (0..<Int(entry.wordStartCount)).map { index in
                UInt16(bytes[start + 2 * index]) | UInt16(bytes[start + 2 * index + 1]) << 8
            }
        }

        func suffix(_ word: WordStart) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: reading(word.slot)[Int(word.offset)...])
        }

        /// The result order: reading key, then id.
        func readingOrder(_ lhs: Int32, _ rhs: Int32) -> Bool {
            switch compare(reading(lhs), reading(rhs)) {
            case .less: true
            case .greater: false
            case .equal: slots[Int(lhs)].id < slots[Int(rhs)].id
            }
        }

        /// The word list's order: the bytes from the word on, then slot number.
        func wordOrder(_ lhs: WordStart, _ rhs: WordStart) -> Bool {
            switch compare(suffix(lhs), suffix(rhs)) {
            case .less: true
            case .greater: false
            case .equal: lhs.slot < rhs.slot
            }
        }
    }

    enum Ordering { case less, equal, greater }

    /// Lexicographic byte order (for UTF-8, code point order).
    static func compare(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Ordering {
        let common = min(lhs.count, rhs.count)
        var index = 0
        while index < common {
            let left = lhs[index]
            let right = rhs[index]
            if left != right { return left < right ? .less : .greater }
            index += 1
        }
        return lhs.count == rhs.count ? .equal : lhs.count < rhs.count ? .less : .greater
    }

    /// Whether `bytes` starts with `prefix`.
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        var index = 0
        while index < prefix.count {
            if bytes[index] != prefix[index] { return false }
            index += 1
        }
        return true
    }

    /// Writes a patient's keys at the end of the arena and points `slot` at them.
    mutating func storeKeys(slot: Int32, kana: String, name: String) {
        var reading: [UInt8] = []
        var wordStarts: [Int] = []
        for word in KanaNormalizer.readingWords(kana) {
            let bytes = Array(word.utf8)
            guard reading.count + bytes.count <= Self.maximumKeyBytes else { break }
            if !reading.isEmpty { wordStarts.append(reading.count) }
            reading.append(contentsOf: bytes)
        }
        var nameBytes = Array(KanaNormalizer.normalizeName(name).utf8)
        if nameBytes.count > Self.maximumKeyBytes {
            var end = Self.maximumKeyBytes
            while end > 0 && nameBytes[end] & 0xC0 == 0x80 { end -= 1 }  // back to a scalar's first byte
            nameBytes.removeSubrange(end...)
        }
        let start = arena.count
        arena.append(contentsOf: reading)
        arena.append(contentsOf: nameBytes)
        for offset in wordStarts {
            arena.append(UInt8(truncatingIfNeeded: offset))
            arena.append(UInt8(truncatingIfNeeded: offset >> 8))
        }
        slots[Int(slot)].start = UInt32(start)
        slots[Int(slot)].readingCount = UInt16(reading.count)
        slots[Int(slot)].nameCount = UInt16(nameBytes.count)
        slots[Int(slot)].wordStartCount = UInt16(wordStarts.count)
    }

    /// Takes a free slot or a new one for `id` and stores its keys; the slot is not yet linked.
    mutating func newSlot(id: String, kana: String, name: String) -> Int32 {
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
            slots[Int(slot)].id = id
            slots[Int(slot)].isLive = true
        } else {
            slot = Int32(slots.count)
            slots.append(Slot(id: id, start: 0, readingCount: 0, nameCount: 0, wordStartCount: 0, isLive: true))
        }
        slotByID[id] = slot
        storeKeys(slot: slot, kana: kana, name: name)
        return slot
    }

    /// Inserts a slot's entries into the sorted lists.
    mutating func link(_ slot: Int32) {
        var byReading = self.byReading
        var byWord = self.byWord
        self.byReading = []
        self.byWord = []
        arena.withUnsafeBufferPointer { bytes in
            let keys = Keys(bytes: bytes, slots: slots)
            byReading.insert(slot, at: Self.partition(byReading) { keys.readingOrder($0, slot) })
            for offset in keys.wordStarts(slot) {
                let word = WordStart(slot: slot, offset: offset)
                byWord.insert(word, at: Self.partition(byWord) { keys.wordOrder($0, word) })
            }
        }
        self.byReading = byReading
        self.byWord = byWord
    }

    /// Removes a slot's entries from the sorted lists (its keys must still be in the arena).
    mutating func unlink(_ slot: Int32) {
        var byReading = self.byReading
        var byWord = self.byWord
        self.byReading = []
        self.byWord = []
        arena.withUnsafeBufferPointer { bytes in
            let keys = Keys(bytes: bytes, slots: slots)
            let position = Self.partition(byReading) { keys.readingOrder($0, slot) }
            if position < byReading.count && byReading[position] == slot { byReading.remove(at: position) }
            for offset in keys.wordStarts(slot) {
                let word = WordStart(slot: slot, offset: offset)
                let position = Self.partition(byWord) { keys.wordOrder($0, word) }
                if position < byWord.count && byWord[position].slot == slot { byWord.remove(at: position) }
            }
        }
        self.byReading = byReading
        self.byWord = byWord
    }

    /// Rewrites the arena without unreferenced bytes once they are more than half of it.
    mutating func compactIfWasteful() {
        if garbageBytes > 4096 && garbageBytes * 2 > arena.count { compact() }
    }

    /// Rewrites the arena with only the bytes live slots point at.
    mutating func compact() {
        var fresh: [UInt8] = []
        fresh.reserveCapacity(arena.count - garbageBytes)
        for index in slots.indices where slots[index].isLive {
            let start = Int(slots[index].start)
            let count = slots[index].byteCount
            slots[index].start = UInt32(fresh.count)
            fresh.append(contentsOf: arena[start..<start + count])
        }
        arena = fresh
        garbageBytes = 0
    }

    /// The first index in `list` for which `isBefore` is false (`list` is partitioned by it).
    static func partition<Element>(_ list: [Element], isBefore: (Element) -> Bool) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if isBefore(list[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
