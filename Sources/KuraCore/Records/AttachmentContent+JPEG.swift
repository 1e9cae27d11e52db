extension AttachmentContent {
    /// A JPEG (ITU-T T.81): SOI and a marker at the start, EOI as the last two bytes, and a chain
    /// of marker segments up to the first SOS that contains a frame header (SOF0…SOF15 except
    /// DHT, JPG and DAC) with a non-zero size. A JFIF APP0 density in dots per inch or per
    /// centimetre gives the resolution.
    static func inspectJPEG(_ reader: ByteReader) throws(AttachmentContentError) -> AttachmentContent {
        guard reader.count >= 4 else { throw .truncated }
        guard try reader.byte(at: reader.count - 2) == 0xFF, try reader.byte(at: reader.count - 1) == 0xD9 else {
            throw .truncated
        }
        var offset = 2
        var size: (width: Int, height: Int)?
        var resolution: Resolution?
        while true {
            guard try reader.byte(at: offset) == 0xFF else { throw .malformed }
            var marker = try reader.byte(at: offset + 1)
            offset += 2
            while marker == 0xFF {  // fill bytes before a marker
                marker = try reader.byte(at: offset)
                offset += 1
            }
            switch marker {
            case 0x01, 0xD0...0xD7:
                continue  // TEM and RSTn stand alone
            case 0xD8, 0xD9, 0x00:
                throw .malformed  // a second SOI, EOI before any scan, or a stuffed zero
            case 0xDA:
                guard let size else { throw .malformed }
                return AttachmentContent(
                    mediaType: .jpeg, pixelWidth: size.width, pixelHeight: size.height, resolution: resolution,
                    byteCount: reader.count)
            default:
                break
            }
            let length = try reader.uint16(at: offset)
            guard length >= 2 else { throw .malformed }
            let segment = ByteReader(bytes: try reader.slice(offset + 2..<offset + length))
            offset += length
            switch marker {
            case 0xC0...0xC3, 0xC5...0xC7, 0xC9...0xCB, 0xCD...0xCF:
                guard size == nil else { throw .malformed }
                let height = try segment.uint16(at: 1)
                let width = try segment.uint16(at: 3)
                guard width > 0, height > 0 else { throw .malformed }  // height 0 (DNL) is not supported
                size = (width, height)
            case 0xE0 where segment.matches(Array("JFIF\0".utf8), at: 0):
                let units = try segment.byte(at: 7)
                let horizontal = try segment.uint16(at: 8)
                let vertical = try segment.uint16(at: 10)
                switch units {
                case 1: resolution = Resolution(horizontal: horizontal, vertical: vertical)
                case 2:
                    resolution = Resolution(
                        horizontal: (horizontal * 254 + 50) / 100, vertical: (vertical * 254 + 50) / 100)
                default: break  // 0: an aspect ratio, not a density
                }
            default:
                break
            }
        }
    }
}
