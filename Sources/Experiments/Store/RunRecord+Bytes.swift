import Datasets
import Foundation

/// A record's bytes: a header line naming the format, the SHA-256 of what follows it, the outcome
/// as canonical JSON with every parameter matrix replaced by its place in a block of numbers, and
/// that block (little-endian IEEE 754 doubles). As JSON text the parameters of a Fashion-MNIST
/// network would be tens of megabytes and slow to read back; the block is their exact bits.
extension RunRecord {
    /// Why stored bytes are not a record.
    public struct ReadError: Error, CustomStringConvertible {
        public let description: String
    }

    static let magic = "report-run-record \(RunKey.recordFormat)"

    /// The record's bytes; the same outcome always gives the same bytes.
    public func encoded() throws -> Data {
        let block = NumberBlock()
        let header = try CanonicalJSON.encoder(userInfo: [NumberBlock.userInfoKey: block]).encode(outcome)
        var body = Data("header \(header.count) numbers \(block.values.count)\n".utf8)
        body.append(header)
        body.append(0x0A)
        body.reserveCapacity(body.count + block.values.count * 8)
        block.values.withUnsafeBufferPointer { values in
            var bits = values.map { $0.bitPattern.littleEndian }
            bits.withUnsafeMutableBytes { body.append(contentsOf: $0) }
        }
        var bytes = Data("\(Self.magic)\nsha256 \(SHA256.hex(of: body))\n".utf8)
        bytes.append(body)
        return bytes
    }

    /// Reads a record's bytes; fails on another format, a digest that does not match (a truncated
    /// or damaged file), or bytes that do not decode.
    public init(decoding bytes: Data, timing: RunTiming?) throws(ReadError) {
        var reader = LineReader(bytes)
        guard reader.line() == Self.magic else { throw ReadError(description: "not a record of format \(RunKey.recordFormat)") }
        guard let digestLine = reader.line(), digestLine.hasPrefix("sha256 ") else { throw ReadError(description: "no digest line") }
        let body = bytes[reader.offset...]
        guard SHA256.hex(of: Data(body)) == digestLine.dropFirst(7) else {
            throw ReadError(description: "its SHA-256 does not match its contents (a truncated or damaged file)")
        }
        let sizes = (reader.line() ?? "").split(separator: " ")
        guard sizes.count == 4, sizes[0] == "header", sizes[2] == "numbers",
              let headerBytes = Int(sizes[1]), let count = Int(sizes[3]),
              reader.offset + headerBytes + 1 + count * 8 == bytes.endIndex else {
            throw ReadError(description: "its sizes line does not match its length")
        }
        let header = bytes[reader.offset..<(reader.offset + headerBytes)]
        let blockStart = reader.offset + headerBytes + 1
        var values = [Double](repeating: 0, count: count)
        values.withUnsafeMutableBytes { target in
            _ = bytes[blockStart...].copyBytes(to: target)
        }
        for index in values.indices { values[index] = Double(bitPattern: UInt64(littleEndian: values[index].bitPattern)) }
        let block = NumberBlock(values)
        do {
            let outcome = try CanonicalJSON.decoder(userInfo: [NumberBlock.userInfoKey: block]).decode(RunResult.Outcome.self, from: Data(header))
            self.init(storedOutcome: outcome, timing: timing)
        } catch {
            throw ReadError(description: "its outcome does not decode (\(error))")
        }
    }
}

/// The numbers of a record's parameter matrices, in the order they were encoded.
final class NumberBlock: @unchecked Sendable {
    static let userInfoKey = CodingUserInfoKey(rawValue: "report.numberBlock")!
    /// Only one encoder or decoder uses a block, from one thread.
    private(set) var values: [Double]

    init(_ values: [Double] = []) { self.values = values }

    /// Appends `numbers`; returns where they start.
    func append(_ numbers: [Double]) -> Int {
        defer { values += numbers }
        return values.count
    }

    /// `count` numbers from `start`, or nil when the block is shorter.
    func numbers(from start: Int, count: Int) -> [Double]? {
        guard start >= 0, count >= 0, start + count <= values.count else { return nil }
        return Array(values[start..<(start + count)])
    }
}

extension NamedMatrix {
    private enum CodingKeys: String, CodingKey { case name, shape, values, numbersFrom }

    /// In a record, the numbers go to the record's block and the JSON says where they start;
    /// anywhere else they are a JSON array.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(shape, forKey: .shape)
        if let block = encoder.userInfo[NumberBlock.userInfoKey] as? NumberBlock {
            try container.encode(block.append(values), forKey: .numbersFrom)
        } else {
            try container.encode(values, forKey: .values)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        shape = try container.decode([Int].self, forKey: .shape)
        if let start = try container.decodeIfPresent(Int.self, forKey: .numbersFrom) {
            let count = shape.reduce(1, *)
            guard let block = decoder.userInfo[NumberBlock.userInfoKey] as? NumberBlock,
                  let numbers = block.numbers(from: start, count: count) else {
                throw DecodingError.dataCorruptedError(forKey: .numbersFrom, in: container, debugDescription: "the record's number block is too short")
            }
            values = numbers
        } else {
            values = try container.decode([Double].self, forKey: .values)
        }
    }
}

/// Reads "\n"-terminated lines from the start of some bytes.
private struct LineReader {
    let bytes: Data
    private(set) var offset: Data.Index

    init(_ bytes: Data) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    /// The next line without its newline, or nil at the end or after 200 bytes without one.
    mutating func line() -> String? {
        let limit = min(bytes.endIndex, offset + 200)
        guard let end = bytes[offset..<limit].firstIndex(of: 0x0A) else { return nil }
        defer { offset = end + 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }
}
