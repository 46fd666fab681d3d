import Configuration
import Experiments
import NeuralNet
import Plotting
import Wording

/// The first training pictures with their labels: what the network is asked to tell apart.
enum SamplesFigure: ConfigurableFigure {
    static let name = "samples"
    static let summary = "the first training images in a grid, each with its label"
    struct Keys: FigureKeys {
        let count: SettingKey<Int> = .integer("count", minimum: 1, default: 24, "how many images (at most 100)")
        let columns = ImageGrid.columns
        let title = FigureOptions.title
    }
    static let experimentKinds: [Experiment.Kind] = [.training]

    static func problem(for prepared: PreparedExperiment) -> String? { ImageGrid.problem(for: prepared) }

    static func make(_ analyzed: AnalyzedResult, _ options: Settings<Keys>) -> [ReportFigure] {
        guard let data = analyzed.result.trainingRuns.first?.data else { return [] }
        let rows = data.indices.train.prefix(min(options.count, 100))
        let cells = rows.map { row in
            ImageGrid.Cell(row: row, title: data.isClassification ? data.className(Int(data.targets[row, 0])) : data.targets[row, 0].shortText)
        }
        let figure = ImageGrid.figure(cells, data: data, columns: options.columns, cellInches: 1.1)
        let caption = "The first \(cells.count) training images, each titled with its label"
        return [ReportFigure(fileName: fileName, caption: caption, figure: figure)]
    }
}
