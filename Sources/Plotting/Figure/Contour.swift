/// The line segments where a field crosses a level, by marching squares: each grid cell is
/// classified by which of its corners lie above the level, and the crossing points on its edges are
/// found by linear interpolation. The two ambiguous (saddle) cases are resolved by the cell's mean.
public enum Contour {
    /// Segments as pairs of (x, y) end points in data coordinates.
    public static func segments(of field: Field, at level: Double) -> [((Double, Double), (Double, Double))] {
        var segments: [((Double, Double), (Double, Double))] = []
        for row in 0..<(field.rows - 1) {
            for column in 0..<(field.columns - 1) {
                // Corners counter-clockwise from the lower left.
                let values = [field.value(column: column, row: row), field.value(column: column + 1, row: row),
                              field.value(column: column + 1, row: row + 1), field.value(column: column, row: row + 1)]
                guard values.allSatisfy(\.isFinite) else { continue }
                let corners = [(Double(column), Double(row)), (Double(column + 1), Double(row)),
                               (Double(column + 1), Double(row + 1)), (Double(column), Double(row + 1))]
                // Crossing points on edges 0 (bottom), 1 (right), 2 (top), 3 (left).
                var crossings: [Int: (Double, Double)] = [:]
                for edge in 0..<4 {
                    let (a, b) = (edge, (edge + 1) % 4)
                    guard (values[a] >= level) != (values[b] >= level) else { continue }
                    let t = (level - values[a]) / (values[b] - values[a])
                    let point = (corners[a].0 + t * (corners[b].0 - corners[a].0), corners[a].1 + t * (corners[b].1 - corners[a].1))
                    crossings[edge] = (field.xCoordinate(point.0), field.yCoordinate(point.1))
                }
                let edges = crossings.keys.sorted()
                if edges.count == 2 {
                    segments.append((crossings[edges[0]]!, crossings[edges[1]]!))
                } else if edges.count == 4 {
                    // A saddle: corners 0 and 2 are on one side, 1 and 3 on the other.
                    let centerAbove = values.reduce(0, +) / 4 >= level
                    if centerAbove == (values[0] >= level) {
                        segments += [(crossings[0]!, crossings[1]!), (crossings[2]!, crossings[3]!)]
                    } else {
                        segments += [(crossings[3]!, crossings[0]!), (crossings[1]!, crossings[2]!)]
                    }
                }
            }
        }
        return segments
    }
}
