/// Minimal attachment files built byte by byte, with checksums computed here independently of
/// KuraCore (a bitwise CRC-32), so the parser is checked against a second implementation.
enum AttachmentFixtures {
    /// CRC-32 (ISO 3309), one bit at a time.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func bigEndian32(_ value: Int) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static func bigEndian16(_ value: Int) -> [UInt8] {
        [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeAndData = Array(type.utf8) + data
        return bigEndian32(data.count) + typeAndData + bigEndian32(Int(crc32(typeAndData)))
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// IHDR for an 8-bit greyscale image.
    static func header(width: Int, height: Int) -> [UInt8] {
        chunk("IHDR", bigEndian32(width) + bigEndian32(height) + [8, 0, 0, 0, 0])
    }

    /// One black pixel as a zlib stream: a stored block holding filter byte 0 and pixel 0.
    static let onePixel = chunk("IDAT", [0x78, 0x01, 0x01, 0x02, 0x00, 0xFD, 0xFF, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])

    /// A valid 1×1 PNG, optionally with a pHYs chunk.
    static func png(width: Int = 1, height: Int = 1, pixelsPerMetre: (Int, Int, UInt8)? = nil) -> [UInt8] {
        var bytes = pngSignature + header(width: width, height: height)
        if let (x, y, unit) = pixelsPerMetre {
            bytes += chunk("pHYs", bigEndian32(x) + bigEndian32(y) + [unit])
        }
        return bytes + onePixel + chunk("IEND", [])
    }

    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker] + bigEndian16(payload.count + 2) + payload
    }

    /// A baseline JPEG skeleton: SOI, optional JFIF APP0, DQT, SOF0, DHT, SOS, scan data, EOI.
    static func jpeg(
        width: Int = 640, height: Int = 480, jfif: (UInt8, Int, Int)? = (1, 72, 72), frame: Bool = true
    )
        -> [UInt8]
    {
        var bytes: [UInt8] = [0xFF, 0xD8]
        if let (units, x, y) = jfif {
            bytes += segment(0xE0, Array("JFIF\0".utf8) + [1, 2, units] + bigEndian16(x) + bigEndian16(y) + [0, 0])
        }
        bytes += segment(0xDB, [0] + Array(repeating: 1, count: 64))
        if frame {
            bytes += segment(0xC0, [8] + bigEndian16(height) + bigEndian16(width) + [1, 1, 0x11, 0])
        }
        bytes += segment(0xC4, [0] + [1] + Array(repeating: 0, count: 15) + [0])
        bytes += segment(0xDA, [1, 1, 0, 0, 63, 0])
        bytes += [0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78]  // entropy-coded data, a stuffed FF, RST0
        return bytes + [0xFF, 0xD9]
    }

    /// A small PDF 1.4.
    static let pdf: [UInt8] = Array(
        """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
        trailer << /Root 1 0 R >>
        %%EOF

        """.utf8)
}
