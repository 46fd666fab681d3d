/// `count` evenly spaced values from `start` to `stop`, computed as `np.linspace` computes them
/// (value i is i·step + start, and with `endpoint` the last is exactly `stop`), so the points match.
public func linspace(_ start: Double, _ stop: Double, count: Int, endpoint: Bool = true) -> [Double] {
    guard count > 0 else { return [] }
    let divisions = endpoint ? count - 1 : count
    guard divisions > 0 else { return [start] }
    let step = (stop - start) / Double(divisions)
    var values = (0..<count).map { Double($0) * step + start }
    if endpoint { values[count - 1] = stop }
    return values
}
