import Datasets
import Foundation

/// The name of a run's record in the store: the SHA-256 of everything that determines the run's
/// numbers, in canonical JSON (`material`).
///
/// That is the resolved run configuration (seeds, data settings, model, loss, optimizer, loop), the
/// content of every data file read (SHA-256 and size: a generator's data is its configuration, which
/// the run configuration holds), the digest of the numeric sources and the BLAS version
/// (`CodeIdentity`), and the record format. A run's name, its experiment, its title, questions and
/// figures are not in it: two runs that compute the same numbers share a record, and editing a page
/// never makes a run stale. Nothing of the machine is in it either (paths, host, environment).
public struct RunKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The key: 64 lowercase hex digits.
    public let digest: String
    /// What was digested, as canonical JSON (`report --explain` prints it).
    public let material: Data

    /// The version of the record format; records of another version are not read.
    public static let recordFormat = 2

    /// What goes into a key, as it is written.
    struct Material: Encodable {
        struct Code: Encodable {
            var sources: String
            var blas: String
        }
        struct FileContent: Encodable {
            var sha256: String
            var bytes: Int
        }
        var recordFormat: Int
        var code: Code
        var run: RunSetup
        var dataFiles: [FileContent]
    }

    /// The key of a run of `setup` whose data source reads `dataFiles` (none for generated data),
    /// in the order the source names them (`ConfigurableDataSource.files`).
    public init(setup: RunSetup, dataFiles: [DataFileDigest]) throws {
        let material = Material(recordFormat: Self.recordFormat, code: .init(sources: CodeIdentity.sources, blas: CodeIdentity.blas),
                                run: setup, dataFiles: dataFiles.map { .init(sha256: $0.sha256, bytes: $0.bytes) })
        self.init(material: try CanonicalJSON.encoder().encode(material))
    }

    /// The key of `material`, canonical JSON.
    init(material: Data) {
        self.material = material
        digest = SHA256.hex(of: material)
    }

    /// The first 16 digits, which `--plan` prints and `--explain` accepts (any unique prefix is).
    public var short: String { String(digest.prefix(16)) }

    public var description: String { digest }

    public static func < (left: RunKey, right: RunKey) -> Bool { left.digest < right.digest }
    public static func == (left: RunKey, right: RunKey) -> Bool { left.digest == right.digest }
    public func hash(into hasher: inout Hasher) { hasher.combine(digest) }
}
