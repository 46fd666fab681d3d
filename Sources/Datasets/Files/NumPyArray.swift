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

/// The element types the reader understands: NumPy's numbers and booleans of every size, in
/// either byte order, each read as a `Double`.
struct NumPyElementType {
    /// What the bytes hold.
    enum Kind { case float, signed, unsigned, bool }

    let kind: Kind
    /// Bytes per element.
    let size: Int
    let bigEndian: Bool

    /// The type a descriptor such as `<f8`, `>i4` or `|u1` names.
    init(descriptor: String, file: String) throws(DataFileError) {
        func fail(_ what: String) -> DataFileError {
            DataFileError(file: file, problem: "unsupported element type '\(descriptor)'\(what); supported: "
                + "floats (f2 f4 f8), integers (i1 i2 i4 i8 u1 u2 u4 u8) and booleans (b1), in either byte order")
        }
        var characters = Substring(descriptor)
        var bigEndian = false
        if let order = characters.first, "<>|=".contains(order) {
            bigEndian = order == ">"
            characters = characters.dropFirst()
        }
        guard let code = characters.first else { throw fail("") }
        let size = Int(characters.dropFirst()) ?? 0
        switch (code, size) {
        case ("f", 2), ("f", 4), ("f", 8): kind = .float
        case ("i", 1), ("i", 2), ("i", 4), ("i", 8): kind = .signed
        case ("u", 1), ("u", 2), ("u", 4), ("u", 8): kind = .unsigned
        case ("b", 1): kind = .bool
        case ("c", _): throw fail(" (complex numbers)")
        case ("O", _): throw fail(" (Python objects)")
        case ("U", _), ("S", _), ("a", _): throw fail(" (text)")
        case ("M", _), ("m", _): throw fail(" (dates or times)")
        case ("V", _): throw fail(" (raw or structured records)")
        default: throw fail("")
        }
        self.size = size
        self.bigEndian = bigEndian
    }

    /// The element at byte `offset` of `raw`.
    func read(_ raw: UnsafeRawBufferPointer, at offset: Int) -> Double {
        var bits: UInt64 = 0
        for index in 0..<size {
            let byte = UInt64(raw[offset + (bigEndian ? index : size - 1 - index)])
            bits = bits << 8 | byte
        }
        switch kind {
        case .bool: return bits == 0 ? 0 : 1
        case .unsigned: return Double(bits)
        case .signed:
            let shift = UInt64(64 - 8 * size)
            return Double(Int64(bitPattern: bits << shift) >> Int64(shift))
        case .float:
            switch size {
            case 2: return Double(Float16(bitPattern: UInt16(bits)))
            case 4: return Double(Float(bitPattern: UInt32(bits)))
            default: return Double(bitPattern: bits)
            }
        }
    }
}
