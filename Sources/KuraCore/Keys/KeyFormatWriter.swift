/// Builds the big-endian binary layouts of encrypted values, associated data and key files.
struct KeyFormatWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(_ value: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    mutating func append(_ raw: some Sequence<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    /// Appends a u32 byte count and the bytes.
    mutating func appendLengthPrefixed(_ raw: [UInt8]) {
        precondition(raw.count <= UInt32.max, "field too long for a u32 length prefix")
        append(UInt32(raw.count))
        append(raw)
    }
}
