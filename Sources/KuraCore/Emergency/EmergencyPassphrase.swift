/// The passphrase that opens the emergency snapshot pages (REC-3, BAK-3): made once by Kura,
/// shown once to the security officer, never stored on the server.
///
/// 32 symbols from a 32-symbol alphabet without look-alikes (no 0, 1, I, O), so 160 bits, shown
/// as 8 groups of 4 (`ABCD-EFGH-…`). Typing is forgiving: case, spaces, hyphens and full-width
/// letters (a Japanese IME's default) do not matter. The page's script applies the same
/// ``canonical(_:)`` rule before PBKDF2, so the two sides always derive from the same bytes.
public struct EmergencyPassphrase: Sendable, Equatable {
    /// The symbols a passphrase is made of: digits 2–9 and A–Z without I and O.
    public static let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
    /// Symbols per passphrase.
    public static let symbolCount = 32
    /// Symbols per printed group.
    public static let groupLength = 4
    /// The strength in bits: log2(32) = 5 bits per symbol.
    public static let bits = symbolCount * 5

    /// The symbols alone (upper case, no separators): what PBKDF2 is given, as UTF-8.
    public let canonical: String

    /// Makes a fresh passphrase. Each symbol takes the low 5 bits of one random byte: 256 is a
    /// multiple of 32, so every symbol is equally likely (no modulo bias).
    public static func generate(using random: some RandomBytesSource) -> EmergencyPassphrase {
        let symbols = random.exactly(symbolCount).map { alphabet[Int($0 & 0x1F)] }
        return EmergencyPassphrase(unchecked: String(symbols))
    }

    /// Reads what a person typed; nil unless it is exactly 32 symbols of the alphabet once
    /// normalised by ``canonical(_:)``.
    public init?(typed: String) {
        let canonical = Self.canonical(typed)
        guard canonical.count == Self.symbolCount, canonical.allSatisfy(Self.alphabet.contains) else { return nil }
        self.canonical = canonical
    }

    private init(unchecked canonical: String) {
        self.canonical = canonical
    }

    /// The form to print: 8 groups of 4 joined by hyphens.
    public var grouped: String {
        var groups: [String] = []
        var rest = Substring(canonical)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(Self.groupLength)))
            rest = rest.dropFirst(Self.groupLength)
        }
        return groups.joined(separator: "-")
    }

    /// The normalisation both Swift and the page apply: full-width ASCII (U+FF01…U+FF5E) to
    /// ASCII, lower case to upper case, and everything but 0-9 and A-Z dropped.
    public static func canonical(_ typed: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in typed.unicodeScalars {
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            if (0x61...0x7A).contains(value) { value -= 0x20 }
            guard (0x30...0x39).contains(value) || (0x41...0x5A).contains(value),
                let ascii = Unicode.Scalar(value)
            else { continue }
            result.append(ascii)
        }
        return String(result)
    }
}

extension EmergencyPassphrase: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Names the type only: the passphrase must reach the security officer, never a log.
    public var description: String { "EmergencyPassphrase(redacted)" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// An empty mirror, so `dump` cannot reach the symbols.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
