import Crypto

/// Encrypts one backup file as a stream of chunks (`SealedFileFormat`), so a large table never sits in
/// memory whole (BAK-1, ENC-1).
///
/// Feed plaintext with `append` in pieces of any size and write out what each call returns, then write
/// what `finish` returns. Full chunks are sealed as soon as they are complete, directly from the caller's
/// bytes when they are contiguous; only a partial chunk is copied into the writer's buffer.
///
/// A file name MUST be sealed at most once under a generation key: the file key and the counter nonces
/// are derived, not random, so sealing other content under the same name and key would reuse AES-GCM
/// nonces. A backup that is retried MUST start a new generation with a new `GenerationKey`.
public struct SealedFileWriter: Sendable {
    private let fileKey: SymmetricKey
    private let header: [UInt8]
    private let middleAssociatedData: [UInt8]
    private let finalAssociatedData: [UInt8]
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var counter: UInt64 = 0
    private var headerWritten = false
    private var finished = false

    /// Starts a sealed file named `fileName` (the name it has in the backup folder, bound into its key).
    ///
    /// `chunkSize` must be 1 byte to 16 MiB; the default 1 MiB keeps the overhead at 20 bytes per MiB.
    public init(key: GenerationKey, fileName: String, chunkSize: Int = 1 << 20) {
        precondition(
            (1...SealedFileFormat.maximumChunkSize).contains(chunkSize), "chunk size must be 1 byte to 16 MiB")
        self.fileKey = key.fileKey(named: fileName)
        self.chunkSize = chunkSize
        self.header = SealedFileFormat.header(chunkSize: chunkSize)
        self.middleAssociatedData = SealedFileFormat.associatedData(header: header, isFinal: false)
        self.finalAssociatedData = SealedFileFormat.associatedData(header: header, isFinal: true)
        buffer.reserveCapacity(chunkSize)
    }

    /// Takes more plaintext and returns the sealed bytes now ready to write (possibly none).
    ///
    /// Calling it after `finish` is a programming error.
    public mutating func append(_ bytes: some Collection<UInt8>) -> [UInt8] {
        precondition(!finished, "SealedFileWriter.append after finish")
        var output = takeHeader()
        // Exactly the frames this call completes, so small appends allocate nothing large.
        let frames = (buffer.count + bytes.count) / chunkSize
        output.reserveCapacity(output.count + frames * (chunkSize + Self.frameOverhead))
        let done: Void? = bytes.withContiguousStorageIfAvailable { input in
            consume(UnsafeRawBufferPointer(input), into: &output)
        }
        if done == nil {
            Array(bytes).withUnsafeBytes { consume($0, into: &output) }
        }
        return output
    }

    /// Seals what remains as the final frame and returns the last bytes to write.
    public mutating func finish() -> [UInt8] {
        precondition(!finished, "SealedFileWriter.finish called twice")
        finished = true
        var output = takeHeader()
        buffer.withUnsafeBytes { seal($0, counter: counter, isFinal: true, into: &output) }
        counter += 1
        buffer = []
        return output
    }

    private static let frameOverhead = SealedFileFormat.lengthByteCount + SealedFileFormat.tagByteCount

    private mutating func takeHeader() -> [UInt8] {
        guard !headerWritten else { return [] }
        headerWritten = true
        return header
    }

    /// Fills the partial chunk first, then seals whole chunks straight from `input`, then keeps the rest.
    private mutating func consume(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        var offset = 0
        if !buffer.isEmpty {
            let taken = min(chunkSize - buffer.count, input.count)
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[0..<taken]))
            offset = taken
            guard buffer.count == chunkSize else { return }
            buffer.withUnsafeBytes { seal($0, counter: counter, isFinal: false, into: &output) }
            counter += 1
            buffer.removeAll(keepingCapacity: true)
        }
        while input.count - offset >= chunkSize {
            let chunk = UnsafeRawBufferPointer(rebasing: input[offset..<offset + chunkSize])
            seal(chunk, counter: counter, isFinal: false, into: &output)
            counter += 1
            offset += chunkSize
        }
        buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[offset...]))
    }

    /// Appends the frame of chunk number `counter`: length, then ciphertext and tag.
    private func seal(_ chunk: UnsafeRawBufferPointer, counter: UInt64, isFinal: Bool, into output: inout [UInt8]) {
        let box: AES.GCM.SealedBox
        do {
            box = try AES.GCM.seal(
                chunk, using: fileKey, nonce: SealedFileFormat.nonce(counter),
                authenticating: isFinal ? finalAssociatedData : middleAssociatedData)
        } catch {
            preconditionFailure("AES-GCM refused to seal with a 256-bit key")
        }
        output += SealedFileFormat.bigEndian(UInt32(chunk.count + SealedFileFormat.tagByteCount))
        output.appendBytes(box.ciphertext)
        output.appendBytes(box.tag)
    }
}
