import CZlibSystem
import Foundation

/// Gzipped files (`.gz`, as Fashion-MNIST ships): recognised by their first two bytes, so a file
/// reads the same whether or not it is compressed.
enum Gzip {
    /// Whether `data` starts with gzip's magic bytes.
    static func isCompressed(_ data: Data) -> Bool { data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B }

    /// `data` inflated if it is gzipped, else as it is; a damaged stream is an error naming `file`.
    static func contents(_ data: Data, file: String) throws(DataFileError) -> Data {
        guard isCompressed(data) else { return data }
        var stream = z_stream()
        // 16 + 15: a gzip header, the largest window.
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DataFileError(file: file, problem: "cannot start decompressing (zlib)")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        // A gzip file ends with its uncompressed size modulo 2³²: reserving it spares the copies
        // of a growing buffer (a 47 MB payload would otherwise pass through 64 MB of capacity).
        let trailer = data.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        if trailer > 0 && trailer < 1 << 32 { output.reserveCapacity(trailer) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var status: Int32 = Z_OK
        data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    output.append(buffer.baseAddress!, count: buffer.count - Int(stream.avail_out))
                }
            } while status == Z_OK
        }
        guard status == Z_STREAM_END else {
            throw DataFileError(file: file, problem: status == Z_BUF_ERROR ? "is a gzip file cut short" : "is a damaged gzip file (zlib error \(status))")
        }
        return output
    }
}
