/// The candidate closest to a misspelt name, when it is close enough to be the likely intent.
public enum DidYouMean {
    /// The nearest candidate by edit distance, if within a third of the name's length (at least 2).
    public static func suggestion(for name: String, among candidates: [String]) -> String? {
        let limit = Swift.max(2, name.count / 3)
        let scored = candidates.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }), best.1 <= limit else { return nil }
        return best.0
    }

    /// Levenshtein distance: the fewest insertions, deletions and substitutions turning a into b.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let (a, b) = (Array(a), Array(b))
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
