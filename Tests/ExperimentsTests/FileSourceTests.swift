import Datasets
import Foundation
import Testing
@testable import Experiments

/// Data files at scale: IDX and gzipped CSV sources with separate test files, scaling, class
/// names, the Fashion-MNIST folder, and the digests results.json refers to them by. Expected
/// values come from NumPy (`Fixtures/make_files.py`, which wrote `Fixtures/files/`).
@Suite("File sources")
struct FileSourceTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    struct Expected: Decodable {
        var digests: [String: String]
        var idx_train_divided: [[Double]]
        var idx_test_divided: [[Double]]
        var csv_mean: [Double]
        var csv_scale: [Double]
        var csv_test_standardized: [[Double]]
    }

    static let expected: Expected = try! JSONDecoder().decode(Expected.self, from: Data(contentsOf: fixtures.appendingPathComponent("files.json")))

    /// Prepares an experiment whose `data` is `data`, its file placed in the fixtures folder so
    /// that relative paths resolve there.
    static func prepare(data: String, classes: Int = 3) throws -> PreparedData {
        let json = """
        {"name": "files", "seed": 3, "data": \(data),
         "model": [{"linear": 4}, {"activation": "relu"}, {"linear": \(classes)}], "loss": "nll",
         "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 1, "batch": 2}}
        """
        let experiment = try Experiment(json: Data(json.utf8), file: fixtures.appendingPathComponent("files.json").path)
        return try PreparedExperiment(experiment).datasets[0]
    }

    static func approximatelyEqual(_ a: [Double], _ b: [Double], tolerance: Double = 1e-12) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
    }

    @Test("IDX files, gzipped and plain: the test file's rows are the test set, bytes divided per row as NumPy divides them")
    func idx() throws {
        let data = try Self.prepare(data: """
            {"source": "idx", "images": "files/train-images-idx3-ubyte.gz", "labels": "files/train-labels-idx1-ubyte.gz",
             "test_images": "files/t10k-images-idx3-ubyte", "test_labels": "files/t10k-labels-idx1-ubyte",
             "divide_by": 255, "classes": ["circle", "square", "star"], "split": {"test": 0}}
            """)
        #expect(data.count == 9 && data.inputWidth == 6 && data.imageShape == [3, 2])
        #expect(data.indices.train == Array(0..<6) && data.indices.test == [6, 7, 8] && data.indices.validation.isEmpty)
        #expect(data.hasTestFile && data.classNames == ["circle", "square", "star"] && data.className(2) == "star")
        if case .bytes = data.inputs.values {} else { Issue.record("IDX bytes were widened to numbers before a batch") }
        for row in 0..<6 { #expect(Self.approximatelyEqual(data.inputs.row(row), Self.expected.idx_train_divided[row], tolerance: 0)) }
        for row in 0..<3 { #expect(Self.approximatelyEqual(data.inputs.row(6 + row), Self.expected.idx_test_divided[row], tolerance: 0)) }
        #expect((6..<9).map { Int(data.targets[$0, 0]) } == [2, 1, 0])
        // results.json names the files by their SHA-256, as Python's hashlib computes it.
        for file in data.files {
            let name = (file.path as NSString).lastPathComponent
            #expect(file.sha256 == Self.expected.digests[name], "\(name)")
        }
    }

    @Test("A validation fraction is drawn from the training file's rows only")
    func validationFromTraining() throws {
        let data = try Self.prepare(data: """
            {"source": "idx", "images": "files/train-images-idx3-ubyte.gz", "labels": "files/train-labels-idx1-ubyte.gz",
             "test_images": "files/t10k-images-idx3-ubyte", "test_labels": "files/t10k-labels-idx1-ubyte",
             "split": {"test": 0, "validation": 0.5}}
            """)
        #expect(data.indices.validation.count == 3 && data.indices.train.count == 3)
        #expect(Set(data.indices.train + data.indices.validation) == Set(0..<6))
        #expect(data.indices.test == [6, 7, 8])
    }

    @Test("A test file with a test fraction as well is refused before anything trains")
    func testFileAndFraction() {
        #expect(throws: SpecError.self) {
            try Self.prepare(data: """
                {"source": "idx", "images": "files/train-images-idx3-ubyte.gz", "labels": "files/train-labels-idx1-ubyte.gz",
                 "test_images": "files/t10k-images-idx3-ubyte", "test_labels": "files/t10k-labels-idx1-ubyte", "split": {"test": 0.2}}
                """)
        }
    }

    @Test("Gzipped CSV with a plain test file: column names kept, standardised with the training rows as StandardScaler does")
    func csv() throws {
        let data = try Self.prepare(data: """
            {"source": "csv", "path": "files/train.csv.gz", "test_path": "files/test.csv", "label": "kind",
             "standardize": true, "split": {"test": 0}}
            """, classes: 2)
        #expect(data.featureNames == ["width", "height"])
        #expect(data.count == 12 && data.indices.test == Array(8..<12))
        let standardizer = try #require(data.standardizer)
        #expect(Self.approximatelyEqual(standardizer.mean, Self.expected.csv_mean))
        #expect(Self.approximatelyEqual(standardizer.scale, Self.expected.csv_scale))
        for row in 0..<4 { #expect(Self.approximatelyEqual(data.inputs.row(8 + row), Self.expected.csv_test_standardized[row], tolerance: 1e-12)) }
    }

    @Test("The fashion-mnist source reads any folder with the four files, gzipped or not, and names the ten classes")
    func fashionFolder() throws {
        let data = try Self.prepare(data: #"{"source": "fashion-mnist", "directory": "files", "divide_by": 255}"#, classes: 10)
        #expect(data.count == 9 && data.indices.test == [6, 7, 8] && data.imageShape == [3, 2])
        #expect(data.className(0) == "T-shirt/top" && data.className(9) == "Ankle boot")
    }

    @Test("Without the package, the fashion-mnist source says what to install")
    func fashionMissing() throws {
        guard !FileManager.default.fileExists(atPath: FashionMNISTSource.packageDirectory) else {
            // The package is installed (CI installs it): point at a folder without the files instead.
            #expect {
                try Self.prepare(data: #"{"source": "fashion-mnist", "directory": "nowhere"}"#, classes: 10)
            } throws: { error in
                "\(error)".contains("train-images-idx3-ubyte")
            }
            return
        }
        #expect {
            try Self.prepare(data: #"{"source": "fashion-mnist"}"#, classes: 10)
        } throws: { error in
            "\(error)".contains("apt-get install dataset-fashion-mnist")
        }
    }

    @Test("The installed Fashion-MNIST: 60000 + 10000 images of 28 x 28, 6000 of each class, labels as NumPy reads them")
    func fashionPackage() throws {
        guard FileManager.default.fileExists(atPath: FashionMNISTSource.packageDirectory) else { return }
        let data = try Self.prepare(data: #"{"source": "fashion-mnist"}"#, classes: 10)
        #expect(data.count == 70000 && data.inputWidth == 784 && data.imageShape == [28, 28])
        #expect(data.indices.train.count == 60000 && data.indices.test.count == 10000)
        #expect((0..<5).map { Int(data.targets[$0, 0]) } == [9, 0, 0, 3, 0])
        #expect((60000..<60005).map { Int(data.targets[$0, 0]) } == [9, 2, 1, 1, 6])
        var counts = [Int](repeating: 0, count: 10)
        for row in 0..<60000 { counts[Int(data.targets[row, 0])] += 1 }
        #expect(counts == Array(repeating: 6000, count: 10))
        // The first image's pixels sum to 76247 (NumPy: images[:784].sum()).
        #expect(data.inputs.row(0).reduce(0, +) == 76247)
        #expect(data.files.first { $0.path.hasSuffix("t10k-labels-idx1-ubyte.gz") }?.sha256
            == "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05")
    }

    @Test("SHA-256 of the standard test vectors")
    func sha256() {
        #expect(SHA256.hex(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(of: Data(repeating: UInt8(ascii: "a"), count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
