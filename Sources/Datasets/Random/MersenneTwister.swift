/// The 32-bit Mersenne Twister MT19937 (Matsumoto & Nishimura, 1998), seeded as NumPy's legacy
/// `RandomState(seed)` seeds it for an integer seed (the reference `init_genrand`).
struct MersenneTwister: Sendable {
    private static let stateSize = 624
    private static let shiftSize = 397
    private var state: [UInt32]
    private var position: Int

    init(seed: UInt32) {
        var state = [UInt32](repeating: 0, count: Self.stateSize)
        state[0] = seed
        for index in 1..<Self.stateSize {
            let previous = state[index - 1]
            state[index] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(index)
        }
        self.state = state
        self.position = Self.stateSize
    }

    /// The next 32 random bits.
    mutating func next() -> UInt32 {
        if position >= Self.stateSize { regenerate() }
        var y = state[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    private mutating func regenerate() {
        let (n, m) = (Self.stateSize, Self.shiftSize)
        for index in 0..<n {
            let y = (state[index] & 0x8000_0000) | (state[(index + 1) % n] & 0x7FFF_FFFF)
            var value = state[(index + m) % n] ^ (y >> 1)
            if y & 1 != 0 { value ^= 0x9908_B0DF }
            state[index] = value
        }
        position = 0
    }
}
