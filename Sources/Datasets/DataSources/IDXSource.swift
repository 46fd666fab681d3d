import Configuration
import NeuralNet

/// IDX files, MNIST's format (gzipped or not): an images file whose items are flattened row by
/// row into inputs, a labels file with one label per image, and optionally a test pair.
public enum IDXSource: ConfigurableDataSource {
    public static let name = "idx"
    public static let summary = "IDX files (MNIST's format, gzipped or not): images flattened row by row, and their labels"
    public static let canGiveImages = true
    public struct Keys: SettingDeclarations {
        let images: SettingKey<String> = .text("images", "the images file, relative to the experiment file")
        let labels: SettingKey<String> = .text("labels", "the labels file, one label per image")
        let testImages: SettingKey<String?> = .text("test_images", "a separate test images file (an official split); its rows are the test set")
        let testLabels: SettingKey<String?> = .text("test_labels", "the test images' labels file")
        public init() {}
    }

    public static func check(_ settings: Settings<Keys>) -> SettingError? {
        switch (settings.testImages, settings.testLabels) {
        case (.some, nil): settings.error(\.testLabels, "test_images needs its labels: add \"test_labels\"")
        case (nil, .some): settings.error(\.testImages, "test_labels needs its images: add \"test_images\"")
        default: nil
        }
    }

    public static func files(_ settings: Settings<Keys>, directory: String) -> [String] {
        ([settings.images, settings.labels] + [settings.testImages, settings.testLabels].compactMap { $0 })
            .map { DataSourceSettings.resolve($0, in: directory) }
    }

    public static func load(_ settings: Settings<Keys>, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        func path(_ written: String) -> String { DataSourceSettings.resolve(written, in: directory) }
        let train = try read(images: path(settings.images), labels: path(settings.labels), imagesKey: Keys.key(\.images), labelsKey: Keys.key(\.labels))
        guard let testImages = settings.testImages.map(path), let testLabels = settings.testLabels.map(path) else { return train }
        let test = try read(images: testImages, labels: testLabels, imagesKey: Keys.key(\.testImages), labelsKey: Keys.key(\.testLabels))
        return try SourceFiles.combine(train, test, testKey: Keys.key(\.testImages), testFile: testImages)
    }

    static func read(images: String, labels: String, imagesKey: String, labelsKey: String, limit: Int? = nil) throws(SettingError) -> SourceData {
        let pictures = try SourceFiles.reading(at: imagesKey) { () throws(DataFileError) in try IDXFiles.read(at: images) }
        let tags = try SourceFiles.reading(at: labelsKey) { () throws(DataFileError) in try IDXFiles.read(at: labels) }
        guard tags.shape.count == 1 else {
            throw SettingError(key: labelsKey, "\(labels) holds an array of shape \(tags.shape); expected one label per image (one dimension)")
        }
        guard tags.count == pictures.count else {
            throw SettingError(key: labelsKey, "\(labels) has \(tags.count) labels for the \(pictures.count) images of \(images)")
        }
        let count = min(limit ?? pictures.count, pictures.count)
        let width = pictures.itemSize
        let inputs: InputTable = if let bytes = pictures.bytes {
            InputTable(bytes: count == pictures.count ? bytes : Array(bytes[..<(count * width)]), columns: width)
        } else {
            InputTable(Matrix(rows: count, columns: width, elements: Array(pictures.values![..<(count * width)])))
        }
        let labelValues = tags.bytes.map { $0.map(Double.init) } ?? tags.values!
        return SourceData(inputs: inputs, targets: .column(Array(labelValues[..<count])),
                          imageShape: pictures.shape.count >= 3 ? Array(pictures.shape.dropFirst()) : nil, files: [images, labels])
    }

    public static func describe(_ settings: Settings<Keys>) -> String {
        let test = settings.testImages.map { ", test images `\($0)`" } ?? ""
        return "IDX images `\(settings.images)` with labels `\(settings.labels)`\(test)"
    }

    public static func origin(_ settings: Settings<Keys>) -> String { settings.images }
}
