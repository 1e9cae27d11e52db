/// Reed–Solomon error correction over GF(2^8) as QR Codes use it (ISO/IEC 18004:2015 §7.5.2).
///
/// The field is GF(2)[x] modulo x^8 + x^4 + x^3 + x^2 + 1 (0x11D) with α = 2; the generator polynomial of
/// degree n is (x − α^0)(x − α^1)…(x − α^(n−1)), and the EC codewords are the remainder of the data
/// polynomial times x^n divided by it.
struct QRReedSolomon {
    /// α^i for i in 0..<255.
    private static let exponents: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 255)
        var value = 1
        for index in 0..<255 {
            table[index] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        return table
    }()

    /// log_α(v) for v in 1...255 (index 0 is unused).
    private static let logarithms: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for (power, value) in exponents.enumerated() { table[Int(value)] = power }
        return table
    }()

    /// The product of two field elements.
    static func multiply(_ lhs: UInt8, _ rhs: UInt8) -> UInt8 {
        guard lhs != 0, rhs != 0 else { return 0 }
        return exponents[(logarithms[Int(lhs)] + logarithms[Int(rhs)]) % 255]
    }

    /// α^power.
    static func power(_ power: Int) -> UInt8 {
        exponents[power % 255]
    }

    /// The generator's coefficients below the leading 1, highest degree first.
    let generator: [UInt8]

    /// Prepares an encoder that makes `degree` EC codewords per block.
    init(degree: Int) {
        var polynomial: [UInt8] = [1]
        for root in 0..<degree {
            // Multiply by (x + α^root); subtraction is addition in characteristic 2.
            var product = [UInt8](repeating: 0, count: polynomial.count + 1)
            for (index, coefficient) in polynomial.enumerated() {
                product[index] ^= coefficient
                product[index + 1] ^= Self.multiply(coefficient, Self.power(root))
            }
            polynomial = product
        }
        generator = Array(polynomial.dropFirst())
    }

    /// The EC codewords of one block of data codewords (polynomial long division, as a shift register).
    func errorCorrection(for data: some Sequence<UInt8>) -> [UInt8] {
        var remainder = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for index in remainder.indices {
                remainder[index] ^= Self.multiply(generator[index], factor)
            }
        }
        return remainder
    }
}
