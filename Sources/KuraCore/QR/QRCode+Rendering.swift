extension QRCode {
    /// The symbol as an SVG image: a white background and one `<path>` of the dark modules.
    ///
    /// The viewBox is in modules (the symbol plus `quietZone` light modules on each side, ISO/IEC
    /// 18004:2015 §6.3.8 asks for 4); `width` and `height` are `moduleSize` pixels per module.
    /// `shape-rendering="crispEdges"` stops anti-aliasing seams between neighbouring modules. The document
    /// has no scripts, styles or external references, so it can be inlined under a strict CSP.
    public func svg(moduleSize: Int = 4, quietZone: Int = 4) -> String {
        precondition(moduleSize >= 1 && quietZone >= 0, "module size must be positive, quiet zone not negative")
        let side = size + 2 * quietZone
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                var run = 1
                while isDark(x: x + run, y: y) { run += 1 }
                // One rectangle per horizontal run of dark modules keeps the path short.
                path += "M\(x + quietZone),\(y + quietZone)h\(run)v1h-\(run)z"
                x += run
            }
        }
        let pixels = side * moduleSize
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(pixels)\" height=\"\(pixels)\""
            + " viewBox=\"0 0 \(side) \(side)\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#ffffff\"/>"
            + "<path d=\"\(path)\" fill=\"#000000\"/></svg>"
    }

    /// The symbol as a binary PGM (Netpbm P5) greyscale image, `scale` pixels per module, black on white.
    public func pgm(scale: Int = 4, quietZone: Int = 4) -> [UInt8] {
        precondition(scale >= 1 && quietZone >= 0, "scale must be positive, quiet zone not negative")
        let side = (size + 2 * quietZone) * scale
        var image = Array("P5\n\(side) \(side)\n255\n".utf8)
        image.reserveCapacity(image.count + side * side)
        for row in 0..<side {
            let y = row / scale - quietZone
            for column in 0..<side {
                image.append(isDark(x: column / scale - quietZone, y: y) ? 0 : 255)
            }
        }
        return image
    }
}
