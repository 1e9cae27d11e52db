extension SignedNote {
    /// Parses a signed note strictly (C2SP signed-note "Format"); does not verify signatures.
    ///
    /// The text is separated from the signatures by the last blank line; every line after it must
    /// be a signature line `— <name> <base64>` ending in a newline, with a valid key name and the
    /// canonical base64 of at least 5 bytes (4-byte key ID and a signature).
    public static func parse(_ bytes: some Collection<UInt8>) throws(SignedNoteError) -> SignedNote {
        let input = Array(bytes)
        guard String(validating: input, as: UTF8.self) != nil else { throw .invalidUTF8 }
        guard input.allSatisfy({ $0 >= 0x20 || $0 == 0x0A }) else { throw .controlCharacter }
        guard let split = lastBlankLine(in: input) else { throw .missingBlankLine }
        let text = String(decoding: input[...split], as: UTF8.self)
        let signatureBlock = input[(split + 2)...]
        guard !signatureBlock.isEmpty else { throw .noSignatures }
        guard signatureBlock.last == 0x0A else { throw .malformedSignatureLine }
        let lines = signatureBlock.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count <= maximumSignatureCount else { throw .tooManySignatures }
        var signatures: [NoteSignature] = []
        for line in lines {
            signatures.append(try parseSignatureLine(Array(line)))
        }
        return try SignedNote(text: text, signatures: signatures)
    }

    /// The index of the first newline of the last "\n\n" pair.
    private static func lastBlankLine(in input: [UInt8]) -> Int? {
        guard input.count >= 2 else { return nil }
        var index = input.count - 2
        while index >= 0 {
            if input[index] == 0x0A, input[index + 1] == 0x0A { return index }
            index -= 1
        }
        return nil
    }

    private static func parseSignatureLine(_ line: [UInt8]) throws(SignedNoteError) -> NoteSignature {
        // U+2014 EM DASH in UTF-8, then a space.
        let prefix: [UInt8] = [0xE2, 0x80, 0x94, 0x20]
        guard line.starts(with: prefix) else { throw .malformedSignatureLine }
        let rest = line.dropFirst(prefix.count)
        let fields = rest.split(separator: 0x20, maxSplits: 1, omittingEmptySubsequences: false)
        guard fields.count == 2 else { throw .malformedSignatureLine }
        let name = String(decoding: fields[0], as: UTF8.self)
        guard NoteKeyName.isValid(name) else { throw .invalidKeyName }
        guard let decoded = StrictBase64.decode(String(decoding: fields[1], as: UTF8.self)), decoded.count >= 5 else {
            throw .invalidSignatureEncoding
        }
        let keyID = decoded.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return NoteSignature(keyName: name, keyID: keyID, signature: Array(decoded.dropFirst(4)))
    }
}
