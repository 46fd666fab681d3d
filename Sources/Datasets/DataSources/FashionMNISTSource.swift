import Configuration
import Foundation
import NeuralNet

/// Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017), MNIST's drop-in replacement: 60000 training and
/// 10000 test images of clothing, 28 × 28 grey pixels, 10 classes, as Debian's
/// `dataset-fashion-mnist` installs it (or in any folder with the same four files).
public enum FashionMNISTSource: ConfigurableDataSource {
    public static let name = "fashion-mnist"
    public static let summary = "Fashion-MNIST: 60000 training and 10000 test images, 28 × 28, 10 classes (Debian's dataset-fashion-mnist)"
    public static let canGiveImages = true
    /// Where `apt-get install dataset-fashion-mnist` puts the files.
    public static let packageDirectory = "/usr/share/datasets/fashion-mnist"
    /// The classes, by label.
    public static let classNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    static let fileNames = (images: "train-images-idx3-ubyte", labels: "train-labels-idx1-ubyte",
                            testImages: "t10k-images-idx3-ubyte", testLabels: "t10k-labels-idx1-ubyte")

    public struct Keys: SettingDeclarations {
        let directory: SettingKey<String> = .text("directory", default: packageDirectory, "the folder holding the four IDX files (gzipped or not)")
        let samples: SettingKey<Int?> = .integer("samples", minimum: 2, "use only the first this many training images (default: all 60000)")
        let testSamples: SettingKey<Int?> = .integer("test_samples", minimum: 1, "use only the first this many test images (default: all 10000)")
        public init() {}
    }

    public static func shape(_ settings: Settings<Keys>) -> (rows: Int, columns: Int)? {
        // Bytes, not numbers: 785 one-byte values a row are about 98 eight-byte ones.
        (min(settings.samples ?? 60000, 60000) + min(settings.testSamples ?? 10000, 10000), 99)
    }

    public static func files(_ settings: Settings<Keys>, directory: String) -> [String] {
        let folder = DataSourceSettings.resolve(settings.directory, in: directory)
        return [fileNames.images, fileNames.labels, fileNames.testImages, fileNames.testLabels].map { locate($0, in: folder) }
    }

    public static func load(_ settings: Settings<Keys>, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        let written = settings.directory
        let folder = DataSourceSettings.resolve(written, in: directory)
        let paths = files(settings, directory: directory)
        if let missing = paths.first(where: { !FileManager.default.fileExists(atPath: $0) }) {
            let advice = written == packageDirectory
                ? "install the package with `sudo apt-get install dataset-fashion-mnist`, or give \"directory\" a folder that holds the four files"
                : "the folder needs \(fileNames.images), \(fileNames.labels), \(fileNames.testImages) and \(fileNames.testLabels) (each may end in .gz)"
            let what = FileManager.default.fileExists(atPath: folder) ? "\(missing) does not exist" : "\(folder) does not exist"
            let where_ = written == packageDirectory ? "is not installed here" : "is not in \(written)"
            throw settings.error(\.directory, "Fashion-MNIST \(where_): \(what); \(advice)")
        }
        let key = Keys.key(\.directory)
        let train = try IDXSource.read(images: paths[0], labels: paths[1], imagesKey: key, labelsKey: key, limit: settings.samples)
        let test = try IDXSource.read(images: paths[2], labels: paths[3], imagesKey: key, labelsKey: key, limit: settings.testSamples)
        var data = try SourceFiles.combine(train, test, testKey: key, testFile: paths[2])
        data.classNames = classNames
        return data
    }

    /// `name` in `folder`, gzipped when only the gzipped file is there.
    private static func locate(_ name: String, in folder: String) -> String {
        let plain = folder + "/" + name
        return FileManager.default.fileExists(atPath: plain) ? plain : plain + ".gz"
    }

    public static func describe(_ settings: Settings<Keys>) -> String {
        let train = settings.samples.map { "the first \($0) of 60000" } ?? "60000"
        let test = settings.testSamples.map { "the first \($0) of 10000" } ?? "10000"
        return "Fashion-MNIST: \(train) training and \(test) test images, 28 × 28, 10 classes"
    }

    public static func origin(_ settings: Settings<Keys>) -> String { "the Fashion-MNIST data" }
}
