import Foundation
import KuraCore

/// One field of a registry entry: its key (in the API and the sealed document), its words in
/// both languages, what it holds and whether it is required.
public struct RegistryField: Sendable, Equatable {
    /// What a field holds, and so how a submitted value is checked.
    public enum Shape: Sendable, Equatable {
        /// Free text of at most this many characters.
        case text(maxLength: Int)
        /// A calendar day, `YYYY-MM-DD` (JST).
        case date
        /// A moment to the minute, `YYYY-MM-DDTHH:MM` in JST.
        case dateTime
        /// Yes or no, `true` or `false`.
        case flag
        /// A whole number from 0.
        case count
        /// One of these words.
        case choice([String])
    }

    /// The key.
    public let key: String
    /// The Japanese label.
    public let ja: String
    /// The English label.
    public let en: String
    /// What it holds.
    public let shape: Shape
    /// Whether an entry needs it.
    public let required: Bool

    /// Creates a field.
    public init(_ key: String, ja: String, en: String, _ shape: Shape, required: Bool = false) {
        self.key = key
        self.ja = ja
        self.en = en
        self.shape = shape
        self.required = required
    }

    /// The label in `language` (`ja` unless `en`).
    public func label(_ language: String) -> String { language == "en" ? en : ja }

    /// The submitted `value` made canonical (trimmed; a flag as `true`/`false`), nil for an empty
    /// optional value; or why it is refused, naming the field and never the value.
    func normalized(_ value: String?) -> Result<String?, ComplianceError> {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            if case .flag = shape { return .success("false") }
            return required ? .failure(.invalid("\(key) is required")) : .success(nil)
        }
        switch shape {
        case .text(let maxLength):
            return trimmed.count <= maxLength
                ? .success(trimmed) : .failure(.invalid("\(key) is longer than \(maxLength) characters"))
        case .date:
            return (try? CivilDate(parsing: trimmed)) != nil
                ? .success(trimmed) : .failure(.invalid("\(key) must be a date, YYYY-MM-DD"))
        case .dateTime:
            return Self.minute(trimmed) != nil
                ? .success(trimmed) : .failure(.invalid("\(key) must be a date and time, YYYY-MM-DDTHH:MM"))
        case .flag:
            switch trimmed {
            case "true", "on", "yes", "1": return .success("true")
            case "false", "off", "no", "0": return .success("false")
            default: return .failure(.invalid("\(key) must be true or false"))
            }
        case .count:
            guard let number = Int(trimmed), number >= 0, number <= 100_000_000 else {
                return .failure(.invalid("\(key) must be a whole number from 0"))
            }
            return .success(String(number))
        case .choice(let words):
            return words.contains(trimmed)
                ? .success(trimmed) : .failure(.invalid("\(key) must be one of \(words.joined(separator: ", "))"))
        }
    }

    /// `YYYY-MM-DDTHH:MM` (JST) as ms since the epoch (UTC), or nil.
    static func minute(_ text: String) -> Int64? {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let date = try? CivilDate(parsing: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2, clock.allSatisfy({ $0.count == 2 }), let hour = Int(clock[0]),
            let minute = Int(clock[1]),
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return (Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60) - 9 * 3600) * 1000
    }
}
