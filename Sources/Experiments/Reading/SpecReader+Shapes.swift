/// Readers for the compound values experiment files use: lists of numbers, intervals, points, seeds.
extension SpecReader {
    /// An array of finite numbers.
    public func numbers(minimumCount: Int = 1) throws(SpecError) -> [Double] {
        try scalars(minimumCount: minimumCount) { value in
            if case .number(let number) = value, number.isFinite { number } else { nil }
        } orElse: { element throws(SpecError) in try element.number() }
    }

    /// An array of strings.
    public func strings(minimumCount: Int = 0) throws(SpecError) -> [String] {
        try scalars(minimumCount: minimumCount) { value in
            if case .string(let text) = value { text } else { nil }
        } orElse: { element throws(SpecError) in try element.string() }
    }

    /// The elements of an array converted by `convert`; the first it refuses is read by `fail`,
    /// which throws that element's error. A reader is made only for that element, so a list of
    /// millions of values reads at the speed of the parser.
    private func scalars<Value>(minimumCount: Int, _ convert: (JSONValue) -> Value?,
                                orElse fail: (SpecReader) throws(SpecError) -> Value) throws(SpecError) -> [Value] {
        guard case .array(let values) = value else { throw expected("an array") }
        guard values.count >= minimumCount else { throw expected("an array of at least \(minimumCount)") }
        var result: [Value] = []
        result.reserveCapacity(values.count)
        for (index, element) in values.enumerated() {
            if let converted = convert(element) { result.append(converted) } else { result.append(try fail(locating(index))) }
        }
        return result
    }

    /// An interval written `[low, high]` with low < high.
    public func interval() throws(SpecError) -> ClosedRange<Double> {
        let values = try numbers(minimumCount: 2)
        guard values.count == 2, values[0] < values[1] else { throw expected("[low, high] with low < high") }
        return values[0]...values[1]
    }

    /// A list of points, each an array of `dimensions` numbers.
    public func points(dimensions: Int) throws(SpecError) -> [[Double]] {
        var points: [[Double]] = []
        for element in try array(minimumCount: 1) {
            let point = try element.numbers(minimumCount: dimensions)
            guard point.count == dimensions else { throw element.expected("a point of \(dimensions) numbers") }
            points.append(point)
        }
        return points
    }

    /// A random seed: an integer from 0 to 2³² − 1, as NumPy's `RandomState` accepts.
    public func seed() throws(SpecError) -> UInt32 {
        let value = try integer(minimum: 0)
        guard value <= Int(UInt32.max) else { throw expected("a seed from 0 to 4294967295") }
        return UInt32(value)
    }

    /// Either a string from `choices` or an object with one key from `choices`; returns the name and
    /// the reader of the object's value (nil for the plain string), e.g. `"xavier"` or `{"normal": 0.01}`.
    public func tagged(_ choices: [String]) throws(SpecError) -> (name: String, argument: SpecReader?) {
        if case .string = value { return (try choice(choices), nil) }
        guard case .object(let members) = value, members.count == 1, let key = members.keys.first else {
            throw expected("one of \(choices.joined(separator: ", ")) or an object with one of them as its only key")
        }
        let member = try keys(allowed: choices)
        return (key, member[key])
    }
}
