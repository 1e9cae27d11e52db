/// The data bit stream of a symbol before it is cut into codewords (ISO/IEC 18004:2015 §7.4).
struct QRBitBuffer {
    /// The bits, most significant first within each appended field.
    private(set) var bits: [Bool] = []

    /// Appends the low `count` bits of `value`, most significant first.
    mutating func append(_ value: Int, bitCount count: Int) {
        precondition(count >= 0 && (count == 0 || value >> count == 0), "value does not fit its field")
        for shift in stride(from: count - 1, through: 0, by: -1) {
            bits.append((value >> shift) & 1 == 1)
        }
    }

    /// The bits packed into bytes, most significant bit first; the count must be a multiple of 8.
    var bytes: [UInt8] {
        precondition(bits.count % 8 == 0, "the bit stream does not end on a codeword boundary")
        return stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(0) { ($0 << 1) | ($1 ? 1 : 0) }
        }
    }
}
