/// The in-memory patient search index (DESIGN.md "Search without plaintext indexes"): built at
/// start from decrypted names and kept current, so names never sit in a database index.
///
/// For each patient id it keeps the reading key (``KanaNormalizer/normalize(_:)``, one per word
/// and for the whole reading) and the name key (``KanaNormalizer/normalizeName(_:)``). Results
/// are always in one stable order: by reading key, then id.
///
/// Layout, for 100,000 patients in well under the 20 MB budget: every key is UTF-8 in one byte
/// arena; a slot per patient points into it; ``byReading`` lists slots sorted by (reading, id)
/// and ``byWord`` lists the start of every later word (the given name after the family name) as
/// (slot, byte offset), sorted by the bytes from there on. A reading prefix is then two binary
/// searches; a name substring is one ordered scan. Byte order of UTF-8 is code point order.
public struct PatientNameIndex: Sendable {
    /// Where a patient's keys live in ``arena``: the reading bytes, the name bytes, then the byte
    /// offset of each later word in the reading as two little-endian bytes.
    struct Slot: Sendable {
        var id: String
        var start: UInt32
        var readingCount: UInt16
        var nameCount: UInt16
        var wordStartCount: UInt16
        var isLive: Bool

        static let free = Slot(id: "", start: 0, readingCount: 0, nameCount: 0, wordStartCount: 0, isLive: false)

        /// The arena bytes the slot points at.
        var byteCount: Int { Int(readingCount) + Int(nameCount) + 2 * Int(wordStartCount) }
    }

    /// The start of a word after the first in a patient's reading key.
    struct WordStart: Sendable {
        var slot: Int32
        var offset: UInt16
    }

    /// Keys longer than this many UTF-8 bytes are cut (no real name is): a reading after its last
    /// whole word that fits, a name at a character boundary.
    static let maximumKeyBytes = 1024

    var arena: [UInt8] = []
    /// Bytes in ``arena`` no longer referenced by any slot.
    var garbageBytes = 0
    var slots: [Slot] = []
    var freeSlots: [Int32] = []
    var slotByID: [String: Int32] = [:]
    var byReading: [Int32] = []
    var byWord: [WordStart] = []

    /// An empty index.
    public init() {}

    /// An index of many patients at once (sorting once, as at start); a repeated id keeps the
    /// last entry, as ``upsert(id:kana:name:)`` would.
    public init(_ patients: some Sequence<(id: String, kana: String, name: String)>) {
        for patient in patients {
            if let slot = slotByID[patient.id] {
                garbageBytes += slots[Int(slot)].byteCount
                storeKeys(slot: slot, kana: patient.kana, name: patient.name)
            } else {
                _ = newSlot(id: patient.id, kana: patient.kana, name: patient.name)
            }
        }
        if garbageBytes > 0 { compact() }
        var byReading = slots.indices.map { Int32($0) }
        var byWord: [WordStart] = []
        arena.withUnsafeBufferPointer { bytes in
            let keys = Keys(bytes: bytes, slots: slots)
            for slot in byReading {
                for offset in keys.wordStarts(slot) { byWord.append(WordStart(slot: slot, offset: offset)) }
            }
            byReading.sort { keys.readingOrder($0, $1) }
            byWord.sort { keys.wordOrder($0, $1) }
        }
        self.byReading = byReading
        self.byWord = byWord
    }

    /// The number of patients in the index.
    public var count: Int { slotByID.count }

    /// Adds a patient or replaces the keys of one already indexed.
    /// - Parameters:
    ///   - kana: the reading (フリガナ), words separated by spaces or ・ (ヤマダ タロウ).
    ///   - name: the name as written (山田 太郎).
    public mutating func upsert(id: String, kana: String, name: String) {
        if let slot = slotByID[id] {
            unlink(slot)
            garbageBytes += slots[Int(slot)].byteCount
            storeKeys(slot: slot, kana: kana, name: name)
            link(slot)
        } else {
            link(newSlot(id: id, kana: kana, name: name))
        }
        compactIfWasteful()
    }

    /// Removes a patient; nothing happens for an id not in the index.
    public mutating func remove(id: String) {
        guard let slot = slotByID.removeValue(forKey: id) else { return }
        unlink(slot)
        garbageBytes += slots[Int(slot)].byteCount
        slots[Int(slot)] = .free
        freeSlots.append(slot)
        compactIfWasteful()
    }
}
