import KuraStore
import NIOCore

/// The elements of a one-dimensional array in PostgreSQL's binary format (`array_send`: the
/// number of dimensions, a has-nulls flag, the element type, each dimension's length and lower
/// bound, then every element as a 32-bit length, -1 for NULL, followed by its bytes), located
/// in the cell's buffer without copying them.
///
/// The verifier reads a batch of thousands of rows as a few arrays in one result row: the
/// driver's per-row work would otherwise cost more than the checks themselves.
struct PostgresBinaryArray {
    /// The cell's bytes.
    let buffer: ByteBuffer
    /// Each element's byte range in `buffer` (relative to its reader index), or nil for NULL.
    let elements: [Range<Int>?]

    /// Locates the elements of `buffer`; an SQL NULL array (no cell bytes) has none.
    init(_ buffer: ByteBuffer?) throws(StoreError) {
        guard let buffer else {
            self.buffer = ByteBuffer()
            self.elements = []
            return
        }
        self.buffer = buffer
        func integer(at offset: Int) throws(StoreError) -> Int32 {
            guard let value = buffer.getInteger(at: buffer.readerIndex + offset, as: Int32.self) else {
                throw .corrupt("a binary array is truncated")
            }
            return value
        }
        let dimensions = try integer(at: 0)
        guard dimensions == 0 || dimensions == 1 else { throw .corrupt("an array has more than one dimension") }
        guard dimensions == 1 else {
            self.elements = []
            return
        }
        let count = try integer(at: 12)
        guard count >= 0 else { throw .corrupt("an array has a negative length") }
        var elements: [Range<Int>?] = []
        elements.reserveCapacity(Int(count))
        var offset = 20
        for _ in 0..<count {
            let length = try integer(at: offset)
            offset += 4
            guard length >= 0 else {
                elements.append(nil)
                continue
            }
            guard offset + Int(length) <= buffer.readableBytes else { throw .corrupt("a binary array is truncated") }
            elements.append(offset..<offset + Int(length))
            offset += Int(length)
        }
        self.elements = elements
    }

    /// The element at `position` as a big-endian 64-bit integer (an `int8[]` element).
    func int64(at position: Int) throws(StoreError) -> Int64 {
        guard let range = elements[position], range.count == 8,
            let value = buffer.getInteger(at: buffer.readerIndex + range.lowerBound, as: Int64.self)
        else { throw .corrupt("an int8 element is malformed") }
        return value
    }

    /// Calls `body` with the bytes of the element at `position` in the driver's buffer, or nil
    /// for NULL.
    func withElement<Result>(at position: Int, _ body: (UnsafeRawBufferPointer?) throws -> Result) rethrows -> Result {
        guard let range = elements[position] else { return try body(nil) }
        return try buffer.withUnsafeReadableBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }
}
