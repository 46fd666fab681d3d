extension RandomState {
    /// An independent stream for one purpose of one run, derived from the experiment's seed.
    ///
    /// Naming streams by what they are for, rather than numbering them in the order runs are
    /// created, means a run draws the same numbers whatever other runs a sweep adds around it.
    /// Experiments that reproduce a notebook use `RandomState(seed:)` directly instead, because the
    /// notebook drew everything from `np.random.seed(seed)`.
    public init(seed: UInt32, stream purpose: String) {
        self.init(seed: RandomState.streamSeed(seed, purpose: purpose))
    }

    /// The seed of the stream for `purpose`: the 32-bit FNV-1a hash of the text "`seed`/`purpose`",
    /// e.g. "42/init". Also usable where an API takes a plain seed (scikit-learn's `random_state`).
    public static func streamSeed(_ seed: UInt32, purpose: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in "\(seed)/\(purpose)".utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }
}
