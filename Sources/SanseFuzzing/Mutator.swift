import TestSupport

/// Deterministic structure-aware mutations of text inputs: the same seed always gives the
/// same input, so a finding is replayed from (seed, iteration) or from the saved bytes.
public struct Mutator: Sendable {
    public let grammar: MutationGrammar
    /// Inputs grow no larger than this, so one iteration stays fast (libFuzzer's -max_len in
    /// scripts/fuzz.sh is the same). Deep nesting is cut here too: still ~64 000 levels open.
    public let maxLength: Int

    public init(grammar: MutationGrammar, maxLength: Int = 64 * 1024) {
        self.grammar = grammar
        self.maxLength = maxLength
    }

    /// One to four stacked mutations of `input`; `corpus` feeds the splices.
    public func mutate(_ input: [UInt8], corpus: [[UInt8]], random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        // Mostly one mutation, so that most inputs stay close to a loadable file.
        let count = [1, 1, 1, 1, 2, 2, 3, 4][random.below(8)]
        for _ in 0..<count {
            bytes = mutateOnce(bytes, corpus: corpus, random: &random)
        }
        return bytes.count > maxLength ? Array(bytes.prefix(maxLength)) : bytes
    }

    private func mutateOnce(_ bytes: [UInt8], corpus: [[UInt8]], random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        let position = random.below(bytes.count + 1)
        switch random.below(14) {
        case 0 where !bytes.isEmpty:  // flip one bit
            let index = min(position, bytes.count - 1)
            bytes[index] ^= UInt8(1) << UInt8(random.below(8))
        case 1 where !bytes.isEmpty:  // a byte parsers care about
            let interesting: [UInt8] = [0, 0x7F, 0x80, 0xFF, 0x22, 0x27, 0x5C, 0x0A, 0x0D, 0x09, 0x20, 0x2C, 0x3A, 0x7B, 0x7D, 0x5B, 0x5D, 0x2D, 0x2E, 0x65]
            bytes[min(position, bytes.count - 1)] = interesting[random.below(interesting.count)]
        case 2:
            bytes.insert(contentsOf: (0..<1 + random.below(8)).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: position)
        case 3 where !bytes.isEmpty:
            bytes.removeSubrange(position..<min(bytes.count, position + 1 + random.below(64)))
        case 4 where !bytes.isEmpty:  // repeat a chunk, e.g. a feature or a row, many times
            let start = min(position, bytes.count - 1)
            let chunk = Array(bytes[start..<min(bytes.count, start + 1 + random.below(256))])
            let copies = 1 + random.below(random.chance(10) ? 500 : 8)
            bytes.insert(contentsOf: Self.repeated(chunk, copies), at: start)
        case 5:
            bytes.insert(contentsOf: grammar.tokens[random.below(grammar.tokens.count)], at: position)
        case 6:
            bytes = replacing(in: bytes, find: Self.number, with: MutationGrammar.hostileNumbers, random: &random)
        case 7:
            bytes = replacing(in: bytes, find: Self.word, with: MutationGrammar.hostileTexts, random: &random)
        case 8:  // truncation
            bytes.removeSubrange(position...)
        case 9 where !corpus.isEmpty:  // splice a piece of another input
            let other = corpus[random.below(corpus.count)]
            guard !other.isEmpty else { break }
            let start = random.below(other.count)
            let piece = other[start..<min(other.count, start + 1 + random.below(512))]
            if random.chance(50) {
                bytes.insert(contentsOf: piece, at: position)
            } else {
                bytes.replaceSubrange(position..<min(bytes.count, position + piece.count), with: piece)
            }
        case 10:
            bytes.insert(contentsOf: deepNesting(random: &random), at: position)
        case 11:  // swap a token for another of the format (Polygon for Point, any for all …)
            bytes = replacing(in: bytes, find: Self.word, with: grammar.tokens, random: &random)
        case 12 where !bytes.isEmpty:  // drop or duplicate a whole line
            let line = Self.line(in: bytes, at: min(position, bytes.count - 1))
            if random.chance(50) {
                bytes.removeSubrange(line)
            } else {
                bytes.insert(contentsOf: bytes[line], at: line.lowerBound)
            }
        default:
            if !bytes.isEmpty {
                bytes[min(position, bytes.count - 1)] = UInt8(truncatingIfNeeded: random.next())
            }
        }
        return bytes
    }

    /// Open brackets, usually closed again, to a depth from a few to tens of thousands.
    private func deepNesting(random: inout SplitMix64) -> [UInt8] {
        let pair = grammar.nesting[random.below(grammar.nesting.count)]
        // Never deeper than fits: building megabytes only to cut them off is most of the cost.
        let depth = min([4, 64, 1_000, 20_000, 100_000][random.below(5)], maxLength / max(1, pair.open.count))
        let opened = Self.repeated(pair.open, depth)
        return random.chance(80) ? opened + Self.repeated(pair.close, depth) : opened
    }

    /// Replaces the span `find` picks around a random position with one of `choices`.
    /// `unit` `count` times, by doubling: whole-array copies, not one element at a time.
    static func repeated(_ unit: [UInt8], _ count: Int) -> [UInt8] {
        guard !unit.isEmpty, count > 0 else { return [] }
        var bytes = unit
        while bytes.count < unit.count * count { bytes += bytes }
        return Array(bytes.prefix(unit.count * count))
    }

    private func replacing(
        in bytes: [UInt8], find: ([UInt8], Int) -> Range<Int>?, with choices: [[UInt8]], random: inout SplitMix64
    ) -> [UInt8] {
        guard !bytes.isEmpty, !choices.isEmpty, let range = find(bytes, random.below(bytes.count)) else { return bytes }
        var bytes = bytes
        bytes.replaceSubrange(range, with: choices[random.below(choices.count)])
        return bytes
    }

    // The spans are found around a position rather than listed, so that a mutation costs
    // the length of the span, not of the input.

    /// The number at or after `position`, such as `-12.5e3`: a coordinate or a setting.
    static func number(in bytes: [UInt8], at position: Int) -> Range<Int>? {
        guard let digit = bytes[position...].firstIndex(where: isDigit) ?? bytes[..<position].firstIndex(where: isDigit) else { return nil }
        let isNumberPart: (UInt8) -> Bool = { isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        var lower = digit, upper = digit
        while lower > 0, isNumberPart(bytes[lower - 1]) { lower -= 1 }
        if lower > 0, bytes[lower - 1] == UInt8(ascii: "-") { lower -= 1 }
        while upper < bytes.count, isNumberPart(bytes[upper]) || ((bytes[upper] == UInt8(ascii: "-") || bytes[upper] == UInt8(ascii: "+")) && "eE".utf8.contains(bytes[upper - 1])) {
            upper += 1
        }
        return lower..<upper
    }

    /// The word at or after `position`: a key, a value, a type name, a cell.
    static func word(in bytes: [UInt8], at position: Int) -> Range<Int>? {
        guard let inside = bytes[position...].firstIndex(where: { !isSeparator($0) }) else { return nil }
        var lower = inside, upper = inside
        while lower > 0, !isSeparator(bytes[lower - 1]) { lower -= 1 }
        while upper < bytes.count, !isSeparator(bytes[upper]) { upper += 1 }
        return lower..<upper
    }

    /// The whole line around `position`, with its line break.
    static func line(in bytes: [UInt8], at position: Int) -> Range<Int> {
        let newline = UInt8(ascii: "\n")
        let lower = bytes[..<position].lastIndex(of: newline).map { $0 + 1 } ?? 0
        let upper = bytes[position...].firstIndex(of: newline).map { $0 + 1 } ?? bytes.count
        return lower..<upper
    }

    private static let separators: [Bool] = (0..<256).map { " ,:;\"'{}[]\n\r\t=".utf8.contains(UInt8($0)) }

    private static func isSeparator(_ byte: UInt8) -> Bool { separators[Int(byte)] }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

/// The mutations' draws, unchanged so that a recorded seed and iteration replay the same input.
extension SplitMix64 {
    /// A uniformly chosen index below `count` (which must be positive).
    mutating func below(_ count: Int) -> Int {
        Int(next(upperBound: UInt64(count)))
    }

    mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }
}
