import Foundation
import NeuralNet

/// An array read from NumPy's `.npy` format, its values converted to `Double` in C (row-major) order.
public struct NumPyArray: Equatable, Sendable {
    /// The dimensions, as NumPy's `shape`.
    public var shape: [Int]
    /// The elements in row-major order.
    public var values: [Double]

    /// The array as a matrix: a vector becomes a column, a 2-D array keeps its shape.
    public func matrix(file: String) throws(DataFileError) -> Matrix {
        switch shape.count {
        case 1: return .column(values)
        case 2: return Matrix(rows: shape[0], columns: shape[1], elements: values)
        default:
            throw DataFileError(file: file, problem: "expected a 1-D or 2-D array, found shape \(shape)")
        }
    }

    /// Parses the bytes of a `.npy` file (format versions 1, 2 and 3).
    ///
    /// Supported element types: little-endian `f8 f4 i8 i4`, and `u1`, `b1`. Anything else, and any
    /// truncated or malformed file, is a `DataFileError` naming `file`.
    public init(npy bytes: Data, file: String) throws(DataFileError) {
        let data = [UInt8](bytes)
        func fail(_ problem: String) -> DataFileError { DataFileError(file: file, problem: problem) }
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY
        guard data.count >= 10, Array(data[0..<6]) == magic else {
            throw fail("not a NumPy .npy file (it does not start with \\x93NUMPY)")
        }
        let major = data[6]
        let headerLength: Int
        let headerStart: Int
        switch major {
        case 1:
            headerLength = Int(data[8]) | Int(data[9]) << 8
            headerStart = 10
        case 2, 3:
            guard data.count >= 12 else { throw fail("truncated: the header length is cut off") }
            headerLength = Int(data[8]) | Int(data[9]) << 8 | Int(data[10]) << 16 | Int(data[11]) << 24
            headerStart = 12
        default:
            throw fail("unsupported .npy format version \(major).\(data[7]) (versions 1 to 3 are supported)")
        }
        guard headerStart + headerLength <= data.count else {
            throw fail("truncated: the header says \(headerLength) bytes, the file has \(data.count - headerStart) after it")
        }
        let headerBytes = data[headerStart..<(headerStart + headerLength)]
        guard let header = String(bytes: headerBytes, encoding: major == 3 ? .utf8 : .isoLatin1) else {
            throw fail("the header is not valid text")
        }
        let fields = try NumPyHeader(parsing: header, file: file)
        let element = try NumPyElementType(descriptor: fields.descriptor, file: file)
        var count = 1
        for dimension in fields.shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow, dimension >= 0 else { throw fail("the shape \(fields.shape) is impossibly large") }
            count = product
        }
        let payloadStart = headerStart + headerLength
        let (needed, overflow) = count.multipliedReportingOverflow(by: element.size)
        guard !overflow, data.count - payloadStart >= needed else {
            throw fail("truncated: shape \(fields.shape) of \(fields.descriptor) needs \(count * element.size) bytes of data, the file has \(data.count - payloadStart)")
        }
        var values = [Double](repeating: 0, count: count)
        data.withUnsafeBytes { raw in
            for index in 0..<count { values[index] = element.read(raw, at: payloadStart + index * element.size) }
        }
        if fields.fortranOrder && fields.shape.count > 1 {
            values = Self.reorderFromFortran(values, shape: fields.shape)
        }
        shape = fields.shape
        self.values = values
    }

    /// Column-major (Fortran) elements rearranged into row-major order.
    private static func reorderFromFortran(_ values: [Double], shape: [Int]) -> [Double] {
        var result = [Double](repeating: 0, count: values.count)
        var rowMajorStrides = [Int](repeating: 1, count: shape.count)
        var columnMajorStrides = [Int](repeating: 1, count: shape.count)
        for axis in stride(from: shape.count - 2, through: 0, by: -1) { rowMajorStrides[axis] = rowMajorStrides[axis + 1] * shape[axis + 1] }
        for axis in 1..<shape.count { columnMajorStrides[axis] = columnMajorStrides[axis - 1] * shape[axis - 1] }
        for index in 0..<values.count {
            var remainder = index, target = 0
            for axis in 0..<shape.count {
                let coordinate = remainder / rowMajorStrides[axis]
                remainder %= rowMajorStrides[axis]
                target += coordinate * columnMajorStrides[axis]
            }
            result[index] = values[target]
        }
        return result
    }
}

/// The element types the reader understands, with their sizes and how to read one.
enum NumPyElementType {
    case float64, float32, int64, int32, uint8, bool

    init(descriptor: String, file: String) throws(DataFileError) {
        switch descriptor {
        case "<f8": self = .float64
        case "<f4": self = .float32
        case "<i8": self = .int64
        case "<i4": self = .int32
        case "|u1", "<u1": self = .uint8
        case "|b1": self = .bool
        default:
            throw DataFileError(file: file, problem: "unsupported element type '\(descriptor)' (supported: <f8 <f4 <i8 <i4 |u1 |b1)")
        }
    }

    var size: Int {
        switch self {
        case .float64, .int64: return 8
        case .float32, .int32: return 4
        case .uint8, .bool: return 1
        }
    }

    func read(_ raw: UnsafeRawBufferPointer, at offset: Int) -> Double {
        switch self {
        case .float64: return Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
        case .float32: return Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))))
        case .int64: return Double(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int64.self)))
        case .int32: return Double(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)))
        case .uint8: return Double(raw[offset])
        case .bool: return raw[offset] == 0 ? 0 : 1
        }
    }
}
