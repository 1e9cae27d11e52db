/// A C2SP tlog-checkpoint: the note text naming a log's tree head at one size.
///
/// ```
/// <origin>\n<tree size>\n<base64 root hash>\n[<extension line>\n]*
/// ```
/// DESIGN.md "Checkpoints": signed as a C2SP signed note with Ed25519, and the key name equals
/// the origin.
public struct Checkpoint: Sendable {
    /// The log's identity, e.g. `kura.example.jp/clinic-1`.
    public let origin: String
    /// The number of leaves in the tree.
    public let size: UInt64
    /// The RFC 6962 root hash at `size`.
    public let root: LogHash
    /// Opaque, non-empty extension lines (tlog-checkpoint: OPTIONAL and NOT RECOMMENDED).
    public let extensionLines: [String]

    /// Creates a checkpoint; every line must be non-empty and free of control characters.
    ///
    /// tlog-checkpoint only requires a non-empty origin (clients MUST NOT assume more), so no
    /// further origin format is imposed here; `signed(by:)` requires the origin to be the key name.
    public init(origin: String, size: UInt64, root: LogHash, extensionLines: [String] = []) throws(CheckpointError) {
        guard Self.isValidLine(origin) else { throw .invalidOrigin }
        guard extensionLines.allSatisfy(Self.isValidLine) else { throw .invalidExtensionLine }
        self.origin = origin
        self.size = size
        self.root = root
        self.extensionLines = extensionLines
    }

    /// The note text: origin, size, base64 root and extension lines, each ending in a newline.
    public var text: String {
        ([origin, String(size), StrictBase64.encode(root.bytes)] + extensionLines).map { $0 + "\n" }.joined()
    }

    /// Parses note text strictly per tlog-checkpoint "Note text".
    public init(parsing text: some StringProtocol) throws(CheckpointError) {
        let bytes = Array(text.utf8)
        guard bytes.last == 0x0A else { throw .textNotEndingInNewline }
        let lines = bytes.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard lines.count >= 3 else { throw .tooFewLines }
        guard Self.isValidLine(lines[0]) else { throw .invalidOrigin }
        guard let size = Self.parseDecimal(lines[1]) else { throw .invalidSize }
        guard let rootBytes = StrictBase64.decode(lines[2]), let root = LogHash(bytes: rootBytes) else {
            throw .invalidRoot
        }
        try self.init(origin: lines[0], size: size, root: root, extensionLines: Array(lines.dropFirst(3)))
    }

    /// A line of note text: non-empty, no newline or other ASCII control character.
    static func isValidLine(_ line: String) -> Bool {
        !line.isEmpty && line.utf8.allSatisfy { $0 >= 0x20 }
    }

    /// ASCII decimal with no leading zeros (except `0` itself), within UInt64.
    static func parseDecimal(_ text: some StringProtocol) -> UInt64? {
        let digits = Array(text.utf8)
        guard !digits.isEmpty, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            digits.count == 1 || digits[0] != UInt8(ascii: "0")
        else { return nil }
        return UInt64(String(decoding: digits, as: UTF8.self))
    }
}

extension Checkpoint: Equatable {
    /// Equal when every line is byte-for-byte equal.
    public static func == (lhs: Checkpoint, rhs: Checkpoint) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }
}

/// Why a checkpoint is malformed or cannot be signed.
public enum CheckpointError: Error, Equatable, Sendable {
    /// The text is empty or does not end in a newline.
    case textNotEndingInNewline
    /// Fewer than three lines.
    case tooFewLines
    /// The origin is empty or contains a control character.
    case invalidOrigin
    /// The size is not ASCII decimal without leading zeros within UInt64.
    case invalidSize
    /// The root is not the canonical base64 of 32 bytes.
    case invalidRoot
    /// An extension line is empty or contains a control character.
    case invalidExtensionLine
    /// The signer's key name is not the origin (DESIGN.md "Checkpoints").
    case originIsNotKeyName
    /// The signed note could not be made.
    case note(SignedNoteError)
}
