import Foundation
import ZIPFoundation

/// Reading NumPy's `.npy` and `.npz` files from disk.
public enum NumPyFiles {
    /// Reads one array from a `.npy` file.
    public static func readNPY(at path: String) throws(DataFileError) -> NumPyArray {
        try NumPyArray(npy: try contents(of: path), file: path)
    }

    /// Reads every array of a `.npz` archive (as written by `np.savez` or `np.savez_compressed`),
    /// keyed by name without the `.npy` suffix (`arr_0`, `arr_1`, ... for unnamed arrays).
    ///
    /// The archive is read from its file, not from memory: ZIPFoundation 0.9.20's in-memory reader
    /// traps when a damaged archive points past its end, where the file reader just reads nothing.
    public static func readNPZ(at path: String) throws(DataFileError) -> [String: NumPyArray] {
        // A file whose size cannot be read cannot be read at all: `unreadable` says which of the
        // usual reasons (missing, a folder, no permission) it is.
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else {
            throw unreadable(path)
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw DataFileError(file: path, problem: "not a readable .npz (zip) archive")
        }
        var arrays: [String: NumPyArray] = [:]
        for entry in archive where entry.type == .file {
            guard entry.path.hasSuffix(".npy") else { continue }
            let name = String(entry.path.dropLast(4))
            // A damaged size field could ask for gigabytes; real arrays compress less than 1000:1.
            guard entry.uncompressedSize <= UInt64(Swift.max(size, 1)) * 1_000 else {
                throw DataFileError(file: path, problem: "array '\(name)' claims an implausible size of \(entry.uncompressedSize) bytes")
            }
            var bytes = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
            } catch {
                throw DataFileError(file: path, problem: "array '\(name)' could not be extracted: the archive is damaged")
            }
            arrays[name] = try NumPyArray(npy: bytes, file: "\(path) (\(entry.path))")
        }
        if arrays.isEmpty { throw DataFileError(file: path, problem: "the archive holds no .npy arrays") }
        return arrays
    }

    static func contents(of path: String) throws(DataFileError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw unreadable(path)
        }
        return data
    }

    /// The error for a file that could not be opened: missing, or there but unreadable.
    static func unreadable(_ path: String) -> DataFileError {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return DataFileError(file: path, problem: "no such file") }
        return DataFileError(file: path, problem: isFolder.boolValue ? "is a folder, not a file" : "cannot be read (permission denied?)")
    }
}
