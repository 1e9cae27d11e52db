/// Makes a byte buffer of whatever type a Crypto API asks for (HPKE takes Foundation `Data`).
///
/// KuraCore imports no Foundation; `RangeReplaceableCollection.init(_:)` builds the buffer and the
/// concrete type is inferred at the call site, so no Foundation name appears here.
func cryptoBytes<Buffer: RangeReplaceableCollection>(_ bytes: [UInt8]) -> Buffer where Buffer.Element == UInt8 {
    Buffer(bytes)
}
