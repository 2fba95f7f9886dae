/// SplitMix64: a tiny, fast generator whose whole state is one seed, so any sequence (a
/// test's random survey, an iteration of a mutation run) can be replayed from its seed alone.
/// The one seeded generator of the tests and of the fuzzing campaigns.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0 ..< 1: the top 53 bits of the next number, a double's whole precision.
    public mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}
