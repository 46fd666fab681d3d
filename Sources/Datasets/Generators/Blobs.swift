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
        var rows: [[Double]] = []
        var labels: [Double] = []
        for (index, center) in points.enumerated() {
            for _ in 0..<perCenter[index] {
                rows.append(center.map { random.nextNormal(mean: $0, standardDeviation: stds[index]) })
                labels.append(Double(index))
            }
        }
        let data = LabeledData(inputs: Matrix(rows), targets: .column(labels))
        return shuffle ? data.subset(random.permutation(rows.count)) : data
    }
}
