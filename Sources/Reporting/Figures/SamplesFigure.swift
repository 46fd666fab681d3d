import Experiments
import NeuralNet
import Plotting

/// The first training pictures with their labels: what the network is asked to tell apart.
enum SamplesFigure: ConfigurableFigure {
    static let name = "samples"
    static let summary = "the first training images in a grid, each with its label"
    static let settings = [
        Setting("count", .integer(minimum: 1), default: .integer(24), "how many images (at most 100)"),
        Setting("columns", .integer(minimum: 1), default: .integer(8), "images per row"),
        FigureOptions.title,
    ]
    static let experimentKinds: [Experiment.Kind] = [.training]

    static func problem(for prepared: PreparedExperiment) -> String? { ImageGrid.problem(for: prepared) }

    static func make(_ analyzed: AnalyzedResult, _ request: ResolvedFigure) -> [ReportFigure] {
        guard let data = analyzed.result.trainingRuns.first?.data else { return [] }
        let rows = data.indices.train.prefix(min(request.options.integer("count"), 100))
        let cells = rows.map { row in
            ImageGrid.Cell(row: row, title: data.isClassification ? data.className(Int(data.targets[row, 0])) : data.targets[row, 0].shortText)
        }
        let figure = ImageGrid.figure(cells, data: data, columns: request.options.integer("columns"), cellInches: 1.1)
        let caption = request.title ?? "The first \(cells.count) training images, each titled with its label"
        return [ReportFigure(fileName: request.fileName, caption: caption, figure: figure)]
    }
}
