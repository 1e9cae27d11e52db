import Crypto

/// Decrypts a sealed backup file (`SealedFileFormat`) fed in pieces split at any byte boundary.
///
/// `feed` returns the plaintext of every frame completed so far, and only of frames that authenticated:
/// a frame is opened whole, tag checked, before any of its bytes are returned. When a call fails, the
/// reader keeps failing with the same error and that call returns nothing, not even frames before the
/// bad one. `finish` tells a complete file from one cut short: only the frame flagged last ends a file.
/// Whole frames are opened straight from the caller's bytes; only a frame split across calls is copied.
public struct SealedFileReader: Sendable {
    private let fileKey: SymmetricKey
    private var header: [UInt8] = []
    private var chunkSize = 0
    private var middleAssociatedData: [UInt8] = []
    private var finalAssociatedData: [UInt8] = []
    /// A frame split across calls: its length prefix and the bytes received so far.
    private var pending: [UInt8] = []
    private var counter: UInt64 = 0
    private var sawFinalFrame = false
    private var failure: BackupCryptoError?

    /// Starts reading the sealed file that was written as `fileName` under `key`.
    public init(key: GenerationKey, fileName: String) {
        fileKey = key.fileKey(named: fileName)
        header.reserveCapacity(SealedFileFormat.headerByteCount)
    }

    /// Takes more of the file and returns the plaintext of the frames it completes (possibly none).
    public mutating func feed(_ bytes: some Collection<UInt8>) throws(BackupCryptoError) -> [UInt8] {
        if let failure { throw failure }
        var output: [UInt8] = []
        let outcome =
            bytes.withContiguousStorageIfAvailable { consume(UnsafeRawBufferPointer($0), into: &output) }
            ?? Array(bytes).withUnsafeBytes { consume($0, into: &output) }
        if let outcome {
            failure = outcome
            throw outcome
        }
        return output
    }

    /// Checks that the file ended with its final frame; throws `.truncated` if it did not.
    public func finish() throws(BackupCryptoError) {
        if let failure { throw failure }
        guard sawFinalFrame else { throw .truncated }
    }

    /// Reads the header, then frames; returns the error that stops the file, if any.
    private mutating func consume(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) -> BackupCryptoError? {
        var offset = 0
        if chunkSize == 0 {
            let taken = min(SealedFileFormat.headerByteCount - header.count, input.count)
            header.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[0..<taken]))
            offset = taken
            // Refuse a file that is plainly something else without waiting for 16 bytes.
            guard SealedFileFormat.magic.starts(with: header.prefix(SealedFileFormat.magic.count)) else {
                return .notASealedFile
            }
            guard header.count == SealedFileFormat.headerByteCount else { return nil }
            do {
                chunkSize = try SealedFileFormat.chunkSize(ofHeader: header)
            } catch {
                return error
            }
            middleAssociatedData = SealedFileFormat.associatedData(header: header, isFinal: false)
            finalAssociatedData = SealedFileFormat.associatedData(header: header, isFinal: true)
        }
        output.reserveCapacity(input.count - offset)
        while offset < input.count {
            if sawFinalFrame { return .trailingData }
            let lengthBytes = SealedFileFormat.lengthByteCount
            // Fast path: a whole frame in the input, opened in place.
            if pending.isEmpty, input.count - offset >= lengthBytes {
                guard let length = frameLength(UnsafeRawBufferPointer(rebasing: input[offset...])) else {
                    return .frameLengthOutOfRange
                }
                if input.count - offset - lengthBytes >= length {
                    let start = offset + lengthBytes
                    let frame = UnsafeRawBufferPointer(rebasing: input[start..<start + length])
                    if let error = openFrame(frame, into: &output) { return error }
                    offset = start + length
                    continue
                }
            }
            // Slow path: gather a split frame in `pending`.
            if pending.count < lengthBytes {
                let taken = min(lengthBytes - pending.count, input.count - offset)
                pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[offset..<offset + taken]))
                offset += taken
                if pending.count < lengthBytes { break }
            }
            guard let length = pending.withUnsafeBytes({ frameLength($0) }) else { return .frameLengthOutOfRange }
            let taken = min(lengthBytes + length - pending.count, input.count - offset)
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[offset..<offset + taken]))
            offset += taken
            if pending.count == lengthBytes + length {
                let frame = pending
                if let error = frame.withUnsafeBytes({
                    openFrame(UnsafeRawBufferPointer(rebasing: $0[lengthBytes...]), into: &output)
                }) {
                    return error
                }
                pending.removeAll(keepingCapacity: true)
            }
        }
        return nil
    }

    /// The frame length announced by the first four bytes, or nil if no writer could have written it.
    private func frameLength(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let length = Int(SealedFileFormat.readUInt32(bytes))
        let range = SealedFileFormat.tagByteCount...(chunkSize + SealedFileFormat.tagByteCount)
        return range.contains(length) ? length : nil
    }

    /// Authenticates and decrypts one frame; appends its plaintext only if the tag checks.
    private mutating func openFrame(_ frame: UnsafeRawBufferPointer, into output: inout [UInt8]) -> BackupCryptoError? {
        // Only the last frame is shorter than a full chunk (SealedFileFormat); the flag in the
        // associated data makes a wrong guess fail the tag, so the length cannot be used to lie.
        let isFinal = frame.count < chunkSize + SealedFileFormat.tagByteCount
        let tagStart = frame.count - SealedFileFormat.tagByteCount
        do {
            let box = try AES.GCM.SealedBox(
                nonce: SealedFileFormat.nonce(counter),
                ciphertext: UnsafeRawBufferPointer(rebasing: frame[..<tagStart]),
                tag: UnsafeRawBufferPointer(rebasing: frame[tagStart...]))
            let plaintext = try AES.GCM.open(
                box, using: fileKey, authenticating: isFinal ? finalAssociatedData : middleAssociatedData)
            output.appendBytes(plaintext)
        } catch {
            return .fileDamaged
        }
        counter += 1
        sawFinalFrame = isFinal
        return nil
    }
}
