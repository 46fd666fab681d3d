import Foundation

/// The IDX format of MNIST and Fashion-MNIST: a magic number giving the element type and the
/// number of dimensions, the dimensions as big-endian 32-bit integers, then the elements row by row.
/// Gzipped or not.
public enum IDXFiles {
    /// An IDX file's contents: its dimensions and its elements as bytes (the `ubyte` type the
    /// data sets use) or as numbers.
    public struct Array: Sendable, Equatable {
        /// The dimensions, first the number of items.
        public var shape: [Int]
        /// The elements, when the file holds unsigned bytes.
        public var bytes: [UInt8]?
        /// The elements, when the file holds any other type, as numbers.
        public var values: [Double]?

        /// The number of items (the first dimension).
        public var count: Int { shape.first ?? 0 }
        /// The numbers in one item (the product of the other dimensions).
        public var itemSize: Int { shape.dropFirst().reduce(1, *) }
    }

    /// Reads the IDX file at `path`.
    public static func read(at path: String) throws(DataFileError) -> Array {
        try parse(try Gzip.contents(try NumPyFiles.contents(of: path), file: path), file: path)
    }

    /// Parses IDX bytes; `file` names them in errors.
    public static func parse(_ data: Data, file: String) throws(DataFileError) -> Array {
        // The header is read from a copy of its few bytes; the payload is copied once, straight
        // into the result (a 47 MB image file is not held three times over).
        let bytes = [UInt8](data.prefix(4 + 4 * 255))
        let total = data.count
        func fail(_ problem: String) -> DataFileError { DataFileError(file: file, problem: problem) }
        guard bytes.count >= 4, bytes[0] == 0, bytes[1] == 0 else {
            throw fail("is not an IDX file (it does not start with two zero bytes and a type)")
        }
        let dimensions = Int(bytes[3])
        guard dimensions >= 1, total >= 4 + 4 * dimensions else { throw fail("is an IDX file cut short in its dimensions") }
        var shape: [Int] = []
        for index in 0..<dimensions {
            let offset = 4 + 4 * index
            shape.append(Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3]))
        }
        let size: Int
        switch bytes[2] {
        case 0x08, 0x09: size = 1
        case 0x0B: size = 2
        case 0x0C, 0x0D: size = 4
        case 0x0E: size = 8
        default: throw fail("has an unknown IDX element type 0x\(String(bytes[2], radix: 16))")
        }
        var count = 1
        for dimension in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow else { throw fail("has impossibly large dimensions \(shape)") }
            count = product
        }
        let start = 4 + 4 * dimensions
        guard total - start >= count * size else {
            throw fail("is cut short: dimensions \(shape) need \(count * size) bytes of data, the file has \(total - start)")
        }
        let base = data.startIndex + start
        if bytes[2] == 0x08 { return Array(shape: shape, bytes: [UInt8](data[base..<(base + count)]), values: nil) }
        let payload = [UInt8](data[base..<(base + count * size)])
        var values = [Double](repeating: 0, count: count)
        for index in 0..<count {
            let offset = index * size
            var bits: UInt64 = 0
            for byte in payload[offset..<(offset + size)] { bits = bits << 8 | UInt64(byte) }
            values[index] = switch bytes[2] {
            case 0x09: Double(Int8(bitPattern: UInt8(bits)))
            case 0x0B: Double(Int16(bitPattern: UInt16(bits)))
            case 0x0C: Double(Int32(bitPattern: UInt32(bits)))
            case 0x0D: Double(Float(bitPattern: UInt32(bits)))
            default: Double(bitPattern: bits)
            }
        }
        return Array(shape: shape, bytes: nil, values: values)
    }
}
