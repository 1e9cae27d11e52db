import KuraCore
import Testing

@Suite("QR Code rendering: SVG and PGM")
struct QRCodeRenderingTests {
    let code = try! QRCode.encode(Array("otpauth://totp/Kura:yamada".utf8))

    /// The coordinates of every dark module.
    var darkModules: Set<[Int]> {
        Set((0..<code.size).flatMap { y in (0..<code.size).filter { code.isDark(x: $0, y: y) }.map { [$0, y] } })
    }

    @Test("the SVG has a white background, a viewBox and one path, and no scripts or links")
    func svgDocument() {
        let svg = code.svg(moduleSize: 5, quietZone: 4)
        let side = code.size + 8
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(side * 5)\" height=\"\(side * 5)\""))
        #expect(svg.contains("viewBox=\"0 0 \(side) \(side)\""))
        #expect(svg.contains("shape-rendering=\"crispEdges\""))
        #expect(svg.contains("<rect width=\"\(side)\" height=\"\(side)\" fill=\"#ffffff\"/>"))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.split(separator: "<path").count == 2)
        for forbidden in ["<script", "onload", "href", "<style", "javascript:", "<image", "<foreignObject"] {
            #expect(!svg.contains(forbidden))
        }
    }

    @Test("the SVG path covers exactly the dark modules, shifted by the quiet zone")
    func svgPath() throws {
        let quiet = 3
        let svg = code.svg(moduleSize: 2, quietZone: quiet)
        let path = try #require(svg.split(separator: "d=\"").last?.split(separator: "\"").first)
        var drawn = Set<[Int]>()
        for rectangle in path.split(separator: "z") {
            // Each rectangle is "M x,y h run v1 h -run".
            let numbers = rectangle.split(whereSeparator: { "Mhv,-".contains($0) }).compactMap { Int($0) }
            try #require(numbers.count == 5 && numbers[3] == 1 && numbers[2] == numbers[4])
            for dx in 0..<numbers[2] {
                #expect(drawn.insert([numbers[0] - quiet + dx, numbers[1] - quiet]).inserted)
            }
        }
        #expect(drawn == darkModules)
    }

    @Test("the PGM is a binary P5 image, black modules on white with a white quiet zone")
    func pgm() throws {
        let scale = 3
        let quiet = 4
        let image = code.pgm(scale: scale, quietZone: quiet)
        let side = (code.size + 2 * quiet) * scale
        let header = Array("P5\n\(side) \(side)\n255\n".utf8)
        #expect(Array(image.prefix(header.count)) == header)
        let pixels = Array(image.dropFirst(header.count))
        #expect(pixels.count == side * side)
        #expect(pixels.allSatisfy { $0 == 0 || $0 == 255 })
        let dark = darkModules
        var wrong = 0
        for row in 0..<side {
            for column in 0..<side
            where (pixels[row * side + column] == 0) != dark.contains([column / scale - quiet, row / scale - quiet]) {
                wrong += 1
            }
        }
        #expect(wrong == 0)
    }
}
