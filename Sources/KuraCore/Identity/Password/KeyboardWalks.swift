/// Keyboard walks on the US and JIS layouts, generated from the key rows (AUTH-3).
///
/// A walk is four or more keys in a row, a column (1qaz) or the other diagonal (zse4), in either
/// direction, unshifted or shifted, including walks that run on from one column into the next
/// (1qaz2wsx). On the JIS layout the kana printed on the keys (かな入力) form walks too. Letters are
/// lower case here because passwords are folded before matching.
enum KeyboardWalks {
    /// The shortest walk reported; three keys in a row occur by chance too often.
    static let minimumLength = 4

    /// One layout's rows from the digit row down, unshifted and shifted.
    struct Layout {
        let rows: [String]
        let shiftedRows: [String]
    }

    static let us = Layout(
        rows: ["`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./"],
        shiftedRows: ["~!@#$%^&*()_+", "qwertyuiop{}|", "asdfghjkl:\"", "zxcvbnm<>?"]
    )

    /// JIS: shift-0 types nothing, so the shifted digit row ends at ")"; "\" is the ろ key.
    static let jis = Layout(
        rows: ["1234567890-^\\", "qwertyuiop@[", "asdfghjkl;:]", "zxcvbnm,./\\"],
        shiftedRows: ["!\"#$%&'()", "qwertyuiop`{", "asdfghjkl+*}", "zxcvbnm<>?_"]
    )

    /// The kana printed on JIS keys, row by row (already in hiragana).
    static let kanaRows = ["ぬふあうえおやゆよわほへー", "たていすかんなにらせ゛゜", "ちとしはきくまのりれけむ", "つさそひこみもねるめろ"]

    /// Every walk line, each both ways, with where each key sits in it.
    static let lines: [WalkLine] = {
        var keys: [[Character]] = kanaRows.map(Array.init)
        for layout in [us, jis] {
            for rows in [layout.rows, layout.shiftedRows] {
                keys += rows.map(Array.init)
                keys += diagonals(rows)
            }
        }
        return keys.flatMap { [WalkLine($0), WalkLine($0.reversed())] }
    }()

    /// One line of keys and an index from key to its offsets, so matching touches only the
    /// offsets where a password's character occurs.
    struct WalkLine {
        let keys: [Character]
        let offsets: [Character: [Int]]

        init(_ keys: [Character]) {
            self.keys = keys
            offsets = Dictionary(grouping: keys.indices, by: { keys[$0] })
        }
    }

    /// The two diagonal families as chains: 1qaz2wsx… (down the slanted columns) and zse4xdr5…
    /// (up the other diagonal), each column written top-down and bottom-up.
    ///
    /// Rows are aligned on the digit row: the key below-right of digit c is top[c], then home[c],
    /// bottom[c]; the other diagonal climbs bottom[c], home[c+1], top[c+2], digit[c+3]. The US
    /// digit row starts with "`", which is not part of a column.
    static func diagonals(_ rows: [String]) -> [[Character]] {
        var keys = rows.map(Array.init)
        if keys[0].first == "`" || keys[0].first == "~" { keys[0].removeFirst() }
        func key(_ row: Int, _ column: Int) -> Character? {
            keys[row].indices.contains(column) ? keys[row][column] : nil
        }
        var down: [Character] = []
        var downReversedColumns: [Character] = []
        var up: [Character] = []
        var upReversedColumns: [Character] = []
        for column in 0..<keys[0].count {
            let slanted = [key(0, column), key(1, column), key(2, column), key(3, column)].compactMap { $0 }
            let climbing = [key(3, column), key(2, column + 1), key(1, column + 2), key(0, column + 3)]
                .compactMap { $0 }
            if slanted.count == 4 {
                down += slanted
                downReversedColumns += slanted.reversed()
            }
            if climbing.count == 4 {
                up += climbing
                upReversedColumns += climbing.reversed()
            }
        }
        return [down, downReversedColumns, up, upReversedColumns]
    }

    /// The maximal stretches of any variant that follow a walk line.
    static func matches(in variants: [[Character]]) -> Set<Range<Int>> {
        var found = Set<Range<Int>>()
        for variant in variants {
            for line in lines {
                found.formUnion(commonRuns(of: variant, with: line))
            }
        }
        return found
    }

    /// Stretches of `text` of at least `minimumLength` characters that appear in `line` as they are.
    static func commonRuns(of text: [Character], with line: WalkLine) -> Set<Range<Int>> {
        var found = Set<Range<Int>>()
        for start in text.indices {
            var longest = 0
            for offset in line.offsets[text[start]] ?? [] {
                var length = 1
                while start + length < text.count, offset + length < line.keys.count,
                    text[start + length] == line.keys[offset + length]
                {
                    length += 1
                }
                longest = max(longest, length)
            }
            if longest >= minimumLength { found.insert(start..<start + longest) }
        }
        return found
    }
}
