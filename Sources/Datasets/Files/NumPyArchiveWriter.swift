import CZlibSystem
import Foundation

/// Writes float64 arrays as a NumPy `.npz` archive that `numpy.load` reads: a ZIP file of stored
/// (uncompressed) `.npy` entries. Every field that ZIP lets vary (times, attributes) is fixed, so
/// the same arrays give the same bytes on every machine.
public struct NumPyArchiveWriter {
    /// One array: its entry name (without `.npy`), its shape, and its values in row-major order.
    public struct Array {
        public var name: String
        public var shape: [Int]
        public var values: [Double]

        /// An array named `name` (what `numpy.load(file)[name]` finds).
        public init(name: String, shape: [Int], values: [Double]) {
            (self.name, self.shape, self.values) = (name, shape, values)
        }
    }

    /// Why an archive cannot be written.
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The arrays, in the order the archive holds them.
    public var arrays: [Array] = []

    /// An empty archive.
    public init() {}

    /// The archive's bytes. Plain ZIP (not ZIP64) keeps every size below 4 GiB.
    public func archive() throws(WriteError) -> Data {
        var output = Data()
        var directory = Data()
        for array in arrays {
            guard array.shape.reduce(1, *) == array.values.count else {
                throw WriteError(description: "array \(array.name) has \(array.values.count) values for shape \(array.shape)")
            }
            let payload = Self.npy(array)
            let name = Data((array.name + ".npy").utf8)
            guard output.count < Int(UInt32.max) - payload.count - name.count - 30, name.count < Int(UInt16.max) else {
                throw WriteError(description: "the arrays take more than 4 GiB, more than a plain .npz archive holds")
            }
            let checksum = payload.withUnsafeBytes { bytes in
                UInt32(crc32(0, bytes.bindMemory(to: UInt8.self).baseAddress, UInt32(bytes.count)))
            }
            let offset = UInt32(output.count)
            // Local file header: version 2.0, no flags, stored, 1980-01-01 00:00.
            output.appendLittleEndian(UInt32(0x0403_4b50))
            Self.appendCommonFields(to: &output, checksum: checksum, size: UInt32(payload.count), nameLength: UInt16(name.count))
            output.append(name)
            output.append(payload)
            // Central directory entry: the same fields, plus where the entry starts.
            directory.appendLittleEndian(UInt32(0x0201_4b50))
            directory.appendLittleEndian(UInt16(20))
            Self.appendCommonFields(to: &directory, checksum: checksum, size: UInt32(payload.count), nameLength: UInt16(name.count))
            directory.appendLittleEndian(UInt16(0))  // comment length
            directory.appendLittleEndian(UInt16(0))  // disk number
            directory.appendLittleEndian(UInt16(0))  // internal attributes
            directory.appendLittleEndian(UInt32(0))  // external attributes
            directory.appendLittleEndian(offset)
            directory.append(name)
        }
        guard arrays.count < Int(UInt16.max), output.count + directory.count < Int(UInt32.max) else {
            throw WriteError(description: "the arrays take more than 4 GiB, more than a plain .npz archive holds")
        }
        let directoryOffset = UInt32(output.count)
        output.append(directory)
        output.appendLittleEndian(UInt32(0x0605_4b50))
        output.appendLittleEndian(UInt16(0))
        output.appendLittleEndian(UInt16(0))
        output.appendLittleEndian(UInt16(arrays.count))
        output.appendLittleEndian(UInt16(arrays.count))
        output.appendLittleEndian(UInt32(directory.count))
        output.appendLittleEndian(directoryOffset)
        output.appendLittleEndian(UInt16(0))
        return output
    }

    /// The fields a local header and a central directory entry share, from "version needed" on.
    private static func appendCommonFields(to data: inout Data, checksum: UInt32, size: UInt32, nameLength: UInt16) {
        data.appendLittleEndian(UInt16(20))      // version needed to extract
        data.appendLittleEndian(UInt16(0))       // flags
        data.appendLittleEndian(UInt16(0))       // method: stored
        data.appendLittleEndian(UInt16(0))       // time 00:00:00
        data.appendLittleEndian(UInt16(0x21))    // date 1980-01-01
        data.appendLittleEndian(checksum)
        data.appendLittleEndian(size)            // compressed size
        data.appendLittleEndian(size)            // uncompressed size
        data.appendLittleEndian(nameLength)
        data.appendLittleEndian(UInt16(0))       // extra field length
    }

    /// An `.npy` file, format 1.0: the header dictionary padded so the data starts on a multiple of
    /// 64 bytes, as NumPy writes it, then little-endian float64 values.
    static func npy(_ array: Array) -> Data {
        let shape = array.shape.count == 1 ? "(\(array.shape[0]),)" : "(" + array.shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': \(shape), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data([0x93] + Swift.Array("NUMPY".utf8) + [1, 0])
        data.appendLittleEndian(UInt16(header.utf8.count))
        data.append(Data(header.utf8))
        data.reserveCapacity(data.count + array.values.count * 8)
        array.values.withUnsafeBufferPointer { values in
            // x86-64 and arm64 are little-endian, as '<f8' says.
            data.append(UnsafeBufferPointer(start: UnsafeRawPointer(values.baseAddress)?.assumingMemoryBound(to: UInt8.self),
                                            count: values.count * 8))
        }
        return data
    }
}

extension Data {
    fileprivate mutating func appendLittleEndian<Integer: FixedWidthInteger>(_ value: Integer) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
