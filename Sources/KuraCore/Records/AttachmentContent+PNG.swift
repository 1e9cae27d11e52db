extension AttachmentContent {
    /// A PNG (ISO/IEC 15948): the signature, then chunks of length, type, data and CRC-32 over
    /// type and data; IHDR first with 13 bytes and a non-zero size, at least one IDAT, IEND last
    /// with nothing after it. Every CRC is checked. A pHYs chunk in pixels per metre gives the
    /// resolution.
    static func inspectPNG(_ reader: ByteReader) throws(AttachmentContentError) -> AttachmentContent {
        var offset = pngSignature.count
        var size: (width: Int, height: Int)?
        var resolution: Resolution?
        var sawImageData = false
        while true {
            let length = try reader.uint32(at: offset)
            guard length <= 0x7FFF_FFFF else { throw .malformed }
            let typeStart = offset + 4
            let dataStart = typeStart + 4
            let data = try reader.slice(dataStart..<dataStart + length)
            let storedCRC = try reader.uint32(at: dataStart + length)
            let computedCRC = CRC32.checksum(try reader.slice(typeStart..<dataStart + length))
            guard storedCRC == Int(computedCRC) else { throw .malformed }
            let type = String(decoding: try reader.slice(typeStart..<dataStart), as: UTF8.self)
            offset = dataStart + length + 4
            if size == nil {
                guard type == "IHDR", length == 13 else { throw .malformed }
                let header = ByteReader(bytes: data)
                let width = try header.uint32(at: 0)
                let height = try header.uint32(at: 4)
                guard (1...0x7FFF_FFFF).contains(width), (1...0x7FFF_FFFF).contains(height) else { throw .malformed }
                size = (width, height)
                continue
            }
            switch type {
            case "IHDR":
                throw .malformed
            case "IDAT":
                sawImageData = true
            case "pHYs" where length == 9:
                let physical = ByteReader(bytes: data)
                if try physical.byte(at: 8) == 1 {  // unit 1: the metre; 0 means aspect ratio only
                    resolution = Resolution(
                        horizontal: dotsPerInch(perMetre: try physical.uint32(at: 0)),
                        vertical: dotsPerInch(perMetre: try physical.uint32(at: 4)))
                }
            case "IEND":
                guard length == 0, sawImageData, offset == reader.count else { throw .malformed }
                return AttachmentContent(
                    mediaType: .png, pixelWidth: size?.width, pixelHeight: size?.height, resolution: resolution,
                    byteCount: reader.count)
            default:
                break
            }
        }
    }

    /// Pixels per metre to dots per inch, rounded (11811 → 300).
    static func dotsPerInch(perMetre: Int) -> Int {
        (perMetre * 254 + 5000) / 10000
    }
}
