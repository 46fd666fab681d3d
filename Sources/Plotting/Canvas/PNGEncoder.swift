import CZlibSystem
import Foundation

/// Writes Cairo image surfaces as PNG files, faster than Cairo's own writer.
///
/// Cairo compresses at zlib's default level, which costs about 35 ms for an 800 x 600 plot, more than
/// drawing it. Plots are mostly flat colour, so filtering each row by its left neighbour ("Sub") and
/// compressing with zlib's run-length strategy at level 1 gives files of similar size several times
/// faster. Fully opaque images (every figure, with its white background) are written as RGB.
enum PNGEncoder {
    /// The PNG bytes of premultiplied ARGB pixels (`stride` pixels per row), or nil if zlib fails.
    static func encode(pixels: UnsafePointer<UInt32>, width: Int, height: Int, stride: Int) -> Data? {
        var opaque = true
        for row in 0..<height where opaque {
            for column in 0..<width where pixels[row * stride + column] >> 24 != 0xFF {
                opaque = false
                break
            }
        }
        let channels = opaque ? 3 : 4
        let rowBytes = 1 + width * channels
        var raw = [UInt8](repeating: 0, count: rowBytes * height)
        raw.withUnsafeMutableBufferPointer { raw in
            for row in 0..<height {
                let base = row * rowBytes
                raw[base] = 1  // filter: Sub
                var previous: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
                for column in 0..<width {
                    let pixel = pixels[row * stride + column]
                    let alpha = UInt8(pixel >> 24)
                    var (red, green, blue) = (UInt8((pixel >> 16) & 0xFF), UInt8((pixel >> 8) & 0xFF), UInt8(pixel & 0xFF))
                    if alpha != 0xFF && alpha != 0 {
                        // Undo the premultiplication, rounding as Cairo's own writer does.
                        func straight(_ value: UInt8) -> UInt8 { UInt8((UInt32(value) * 255 + UInt32(alpha) / 2) / UInt32(alpha)) }
                        (red, green, blue) = (straight(red), straight(green), straight(blue))
                    }
                    let offset = base + 1 + column * channels
                    raw[offset] = red &- previous.0
                    raw[offset + 1] = green &- previous.1
                    raw[offset + 2] = blue &- previous.2
                    if channels == 4 { raw[offset + 3] = alpha &- previous.3 }
                    previous = (red, green, blue, alpha)
                }
            }
        }
        guard let compressed = deflate(raw) else { return nil }
        var header = Data()
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header.append(contentsOf: [8, opaque ? 2 : 6, 0, 0, 0])  // depth, colour type, compression, filter, interlace
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        png.appendChunk("IHDR", header)
        png.appendChunk("IDAT", compressed)
        png.appendChunk("IEND", Data())
        return png
    }

    private static func deflate(_ input: [UInt8]) -> Data? {
        var stream = z_stream()
        guard deflateInit2_(&stream, 1, Z_DEFLATED, 15, 8, Z_RLE, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return nil
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))))
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return CZlibSystem.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        return Data(output.prefix(Int(stream.total_out)))
    }
}

private extension Data {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }

    mutating func appendChunk(_ type: String, _ body: Data) {
        appendBigEndian(UInt32(body.count))
        let typed = Data(type.utf8) + body
        append(typed)
        let checksum = typed.withUnsafeBytes { bytes in
            crc32(0, bytes.bindMemory(to: UInt8.self).baseAddress, UInt32(bytes.count))
        }
        appendBigEndian(UInt32(checksum))
    }
}
