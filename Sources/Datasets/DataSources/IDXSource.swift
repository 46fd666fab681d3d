import NeuralNet

/// IDX files, MNIST's format (gzipped or not): an images file whose items are flattened row by
/// row into inputs, a labels file with one label per image, and optionally a test pair.
public enum IDXSource: ConfigurableDataSource {
    public static let name = "idx"
    public static let summary = "IDX files (MNIST's format, gzipped or not): images flattened row by row, and their labels"
    public static let settings = [
        Setting("images", .text, default: nil, "the images file, relative to the experiment file"),
        Setting("labels", .text, default: nil, "the labels file, one label per image"),
        Setting("test_images", .text, default: nil, required: false, "a separate test images file (an official split); its rows are the test set"),
        Setting("test_labels", .text, default: nil, required: false, "the test images' labels file"),
    ]

    public static func check(_ settings: SettingValues) -> SettingError? {
        switch (settings.text("test_images"), settings.text("test_labels")) {
        case (.some, nil): SettingError(key: "test_labels", "test_images needs its labels: add \"test_labels\"")
        case (nil, .some): SettingError(key: "test_images", "test_labels needs its images: add \"test_images\"")
        default: nil
        }
    }

    public static func files(_ settings: SettingValues, directory: String) -> [String] {
        ["images", "labels", "test_images", "test_labels"].compactMap { settings.text($0) }.map { DataSourceSettings.resolve($0, in: directory) }
    }

    public static func load(_ settings: SettingValues, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        func path(_ key: String) -> String? { settings.text(key).map { DataSourceSettings.resolve($0, in: directory) } }
        let train = try read(images: path("images") ?? "", labels: path("labels") ?? "", imagesKey: "images", labelsKey: "labels")
        guard let testImages = path("test_images"), let testLabels = path("test_labels") else { return train }
        let test = try read(images: testImages, labels: testLabels, imagesKey: "test_images", labelsKey: "test_labels")
        return try SourceFiles.combine(train, test, testKey: "test_images", testFile: testImages)
    }

    /// The images at `images` with the labels at `labels`; problems are reported at the key of
    /// the file that has them.
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

    public static func describe(_ settings: SettingValues) -> String {
        let test = settings.text("test_images").map { ", test images `\($0)`" } ?? ""
        return "IDX images `\(settings.text("images") ?? "")` with labels `\(settings.text("labels") ?? "")`\(test)"
    }

    public static func origin(_ settings: SettingValues) -> String { settings.text("images") ?? "the IDX images" }
}
