/// Byte comparisons whose time depends only on the lengths, never on where the inputs differ
/// (AUTH-5: a comparison must not reveal how many leading bytes of a secret matched).
public enum ConstantTime {
    /// Whether `lhs` and `rhs` are equal, touching every byte.
    public static func equal(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
