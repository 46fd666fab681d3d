/// Row indices of a split into training and test sets.
public struct SplitIndices: Equatable, Sendable {
    /// Rows used for training, in the order they are used.
    public var train: [Int]
    /// Rows held out.
    public var test: [Int]
}

/// Row indices of a split into training, validation and test sets.
public struct ThreeWaySplit: Equatable, Sendable, Codable {
    /// Rows used for training.
    public var train: [Int]
    /// Rows used to watch training (empty when no validation set was asked for).
    public var validation: [Int]
    /// Rows held out to the end.
    public var test: [Int]

    /// Creates a split from its row indices.
    public init(train: [Int], validation: [Int], test: [Int]) {
        self.train = train
        self.validation = validation
        self.test = test
    }
}

/// scikit-learn's `train_test_split` index selection, so the same `random_state` picks the same rows.
public enum TrainTestSplit {
    /// The test-set size for a fraction, as scikit-learn rounds it: ⌈fraction · count⌉.
    public static func testCount(fraction: Double, of count: Int) -> Int {
        Int((fraction * Double(count)).rounded(.up))
    }

    /// `train_test_split(test_size=fraction, random_state=seed)`: one permutation of all rows;
    /// its first ⌈fraction·n⌉ entries are the test set, the rest the training set.
    public static func shuffled(count: Int, testFraction: Double, seed: UInt32) -> SplitIndices {
        var random = RandomState(seed: seed)
        let testSize = testCount(fraction: testFraction, of: count)
        let permutation = random.permutation(count)
        return SplitIndices(train: Array(permutation[testSize...]), test: Array(permutation[..<testSize]))
    }

    /// `train_test_split(test_size=fraction, random_state=seed, stratify=labels)`, as scikit-learn's
    /// `StratifiedShuffleSplit`: each class contributes in proportion (rounded by the approximate
    /// hypergeometric mode, ties broken at random), its rows taken from a per-class permutation;
    /// both sets are then permuted. Returns nil when a class has fewer than two members or a set
    /// would be smaller than the number of classes (scikit-learn refuses those too).
    public static func stratified(labels: [Double], testFraction: Double, seed: UInt32) -> SplitIndices? {
        let count = labels.count
        let testSize = testCount(fraction: testFraction, of: count)
        let trainSize = count - testSize
        let classes = Array(Set(labels)).sorted()
        // Rows of each class in ascending order (a stable sort by class).
        let members = classes.map { label in (0..<count).filter { labels[$0] == label } }
        let counts = members.map(\.count)
        guard counts.allSatisfy({ $0 >= 2 }), trainSize >= classes.count, testSize >= classes.count else { return nil }
        var random = RandomState(seed: seed)
        let trainPerClass = approximateMode(counts: counts, draws: trainSize, random: &random)
        let remaining = zip(counts, trainPerClass).map { $0 - $1 }
        let testPerClass = approximateMode(counts: remaining, draws: testSize, random: &random)
        var train: [Int] = [], test: [Int] = []
        for (index, rows) in members.enumerated() {
            let order = random.permutation(rows.count).map { rows[$0] }
            train += order[0..<trainPerClass[index]]
            test += order[trainPerClass[index]..<(trainPerClass[index] + testPerClass[index])]
        }
        random.shuffle(&train)
        random.shuffle(&test)
        return SplitIndices(train: train, test: test)
    }

    /// Training, validation and test rows, as two calls of `train_test_split` with the same seed:
    /// first the test set, then `validationFraction` of the remaining rows (so 0.2 and 0.2 give
    /// 64/16/20 of 100, as seed 002). Stratified by `labels` when given; nil when stratification
    /// is impossible (see `stratified`).
    public static func threeWay(count: Int, testFraction: Double, validationFraction: Double, labels: [Double]?,
                                seed: UInt32) -> ThreeWaySplit? {
        func split(_ rows: [Int], fraction: Double) -> SplitIndices? {
            guard fraction > 0 else { return SplitIndices(train: rows, test: []) }
            let local = if let labels {
                stratified(labels: rows.map { labels[$0] }, testFraction: fraction, seed: seed)
            } else {
                shuffled(count: rows.count, testFraction: fraction, seed: seed)
            }
            return local.map { SplitIndices(train: $0.train.map { rows[$0] }, test: $0.test.map { rows[$0] }) }
        }
        guard let outer = split(Array(0..<count), fraction: testFraction),
              let inner = split(outer.train, fraction: validationFraction) else { return nil }
        return ThreeWaySplit(train: inner.train, validation: inner.test, test: outer.test)
    }

    /// scikit-learn's `_approximate_mode`: floor of each class's proportional share, then one more
    /// for the classes with the largest remainders, ties among equal remainders drawn at random.
    static func approximateMode(counts: [Int], draws: Int, random: inout RandomState) -> [Int] {
        let total = Double(counts.reduce(0, +))
        let continuous = counts.map { Double($0) / total * Double(draws) }
        var floored = continuous.map { $0.rounded(.down) }
        var needed = draws - Int(floored.reduce(0, +))
        let remainders = zip(continuous, floored).map { $0 - $1 }
        for value in Set(remainders).sorted(by: >) where needed > 0 {
            let tied = remainders.indices.filter { remainders[$0] == value }
            let chosen = min(tied.count, needed)
            for position in random.choiceWithoutReplacement(from: tied.count, count: chosen) {
                floored[tied[position]] += 1
            }
            needed -= chosen
        }
        return floored.map { Int($0) }
    }

    /// Seed 002's own split (`random_sample`): in a set whose first half is one class and second half
    /// the other, ⌊fraction·n/2⌋ rows chosen from each half by `np.random.choice(..., replace=False)`,
    /// training rows sorted, the rest held out in order.
    public static func perClassHalves(count: Int, fraction: Double, random: inout RandomState) -> SplitIndices {
        let perClass = Int(0.5 * fraction * Double(count))
        let half = count / 2
        let first = random.choiceWithoutReplacement(from: half, count: perClass)
        let second = random.choiceWithoutReplacement(from: count - half, count: perClass).map { $0 + half }
        let train = (first + second).sorted()
        let chosen = Set(train)
        return SplitIndices(train: train, test: (0..<count).filter { !chosen.contains($0) })
    }
}
