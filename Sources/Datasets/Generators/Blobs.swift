import NeuralNet

/// Where `make_blobs` puts its cluster centres.
public enum BlobCenters: Sendable, Equatable {
    /// This many centres drawn uniformly from `box` in every coordinate.
    case random(count: Int, box: ClosedRange<Double>)
    /// These centres.
    case given([[Double]])
}

extension TwoClassShapes {
    /// Isotropic Gaussian clusters, as `sklearn.datasets.make_blobs`: samples split as evenly as
    /// possible between the centres (the first ones get the remainder), class i around centre i.
    public static func blobs(samples: Int, centers: BlobCenters, features: Int = 2, clusterStd: [Double],
                             shuffle: Bool = true, random: inout RandomState) -> LabeledData {
        let points: [[Double]]
        switch centers {
        case .random(let count, let box):
            points = (0..<count).map { _ in (0..<features).map { _ in random.nextUniform(low: box.lowerBound, high: box.upperBound) } }
        case .given(let given):
            points = given
        }
        let stds = clusterStd.count == 1 ? Array(repeating: clusterStd[0], count: points.count) : clusterStd
        precondition(stds.count == points.count, "make_blobs: \(stds.count) deviations for \(points.count) centres")
        var perCenter = Array(repeating: samples / points.count, count: points.count)
        for index in 0..<(samples % points.count) { perCenter[index] += 1 }
        let data = drawClusters(centers: points, deviations: stds, counts: perCenter, random: &random)
        return shuffle ? data.subset(random.permutation(data.count)) : data
    }
}

/// Gaussian clusters drawn one after the other, class i around `centers[i]`: row by row,
/// coordinate by coordinate, as `np.random.normal(loc=center, scale=deviation, size=(count, d))`.
func drawClusters(centers: [[Double]], deviations: [Double], counts: [Int], random: inout RandomState) -> LabeledData {
    var rows: [[Double]] = []
    var labels: [Double] = []
    for (index, center) in centers.enumerated() {
        for _ in 0..<counts[index] {
            rows.append(center.map { random.nextNormal(mean: $0, standardDeviation: deviations[index]) })
            labels.append(Double(index))
        }
    }
    return LabeledData(inputs: Matrix(rows), targets: .column(labels))
}
