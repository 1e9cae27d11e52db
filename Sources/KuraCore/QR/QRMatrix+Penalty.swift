extension QRMatrix {
    /// The penalty score of the finished symbol (ISO/IEC 18004:2015 §7.8.3, Table 11); the mask with the
    /// lowest score is chosen.
    ///
    /// N1 = 3 plus 1 per module beyond 5 for each run of 5 or more same-coloured modules in a row or column;
    /// N2 = 3 for every 2 × 2 block of one colour (overlapping blocks count separately); N3 = 40 for every
    /// 1:1:3:1:1 finder-like pattern with 4 light modules on either side, where modules beyond the edge
    /// count as light because the quiet zone is; N4 = 10 for every full 5 % the dark share is away from 50 %.
    var penalty: Int {
        var score = 0
        var column = [Bool](repeating: false, count: size)
        for index in 0..<size {
            let row = Array(dark[index * size..<(index + 1) * size])
            for y in 0..<size { column[y] = dark[y * size + index] }
            score += Self.runPenalty(row) + Self.finderLikePenalty(row)
            score += Self.runPenalty(column) + Self.finderLikePenalty(column)
        }
        for y in 0..<size - 1 {
            for x in 0..<size - 1 {
                let colour = dark[y * size + x]
                if dark[y * size + x + 1] == colour && dark[(y + 1) * size + x] == colour
                    && dark[(y + 1) * size + x + 1] == colour
                {
                    score += 3
                }
            }
        }
        let darkCount = dark.count(where: { $0 })
        let total = size * size
        score += 10 * (abs(darkCount * 20 - total * 10) / total)
        return score
    }

    /// Rule N1 for one line.
    static func runPenalty(_ line: [Bool]) -> Int {
        var score = 0
        var runLength = 0
        var previous: Bool?
        for module in line {
            if module == previous {
                runLength += 1
            } else {
                if runLength >= 5 { score += runLength - 2 }
                previous = module
                runLength = 1
            }
        }
        if runLength >= 5 { score += runLength - 2 }
        return score
    }

    /// Rule N3 for one line: dark-light-dark-dark-dark-light-dark with 4 light modules before or after.
    static func finderLikePenalty(_ line: [Bool]) -> Int {
        let pattern = [true, false, true, true, true, false, true]
        let padded = [Bool](repeating: false, count: 4) + line + [Bool](repeating: false, count: 4)
        var score = 0
        for start in stride(from: 4, through: padded.count - 11, by: 1) {
            guard (0..<7).allSatisfy({ padded[start + $0] == pattern[$0] }) else { continue }
            let lightBefore = padded[start - 4..<start].allSatisfy { !$0 }
            let lightAfter = padded[start + 7..<start + 11].allSatisfy { !$0 }
            if lightBefore || lightAfter { score += 40 }
        }
        return score
    }
}
