extension TlogProof {
    /// Parses a proof file strictly (C2SP tlog-proof "Format"); does not verify anything.
    public static func parse(_ bytes: some Collection<UInt8>) throws(TlogProofError) -> TlogProof {
        let input = Array(bytes)
        guard String(validating: input, as: UTF8.self) != nil else { throw .invalidUTF8 }
        var position = 0
        // Reads one line without its newline; nil if no newline is left.
        func nextLine() -> String? {
            guard let end = input[position...].firstIndex(of: 0x0A) else { return nil }
            defer { position = end + 1 }
            return String(decoding: input[position..<end], as: UTF8.self)
        }
        guard nextLine() == header else { throw .missingHeader }
        var line = nextLine()
        var extra: [UInt8]?
        if let current = line, current.hasPrefix("extra ") {
            guard let decoded = StrictBase64.decode(current.dropFirst("extra ".count)), !decoded.isEmpty else {
                throw .invalidExtra
            }
            extra = decoded
            line = nextLine()
        }
        guard let indexLine = line, indexLine.hasPrefix("index "),
            let index = Checkpoint.parseDecimal(indexLine.dropFirst("index ".count))
        else { throw .invalidIndex }
        var hashes: [LogHash] = []
        while true {
            guard let hashLine = nextLine() else { throw .missingBlankLine }
            if hashLine.isEmpty { break }
            // 64 hashes is the longest proof in a tree of at most 2^64 leaves.
            guard hashes.count < 64, let decoded = StrictBase64.decode(hashLine), let hash = LogHash(bytes: decoded)
            else {
                throw .invalidHash
            }
            hashes.append(hash)
        }
        let note: SignedNote
        do {
            note = try SignedNote.parse(input[position...])
        } catch {
            throw .malformedNote(error)
        }
        return try TlogProof(extra: extra, index: index, hashes: hashes, signedCheckpoint: note)
    }
}
