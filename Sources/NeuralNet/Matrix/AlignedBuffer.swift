extension UnsafeMutableBufferPointer where Element == Double {
    /// Allocates `count` doubles set to `value`, starting on a 64-byte cache line, so that the C
    /// kernels' 32-byte vector loads never straddle two lines. Free with `deallocate()`.
    static func allocateOnCacheLine(count: Int, repeating value: Double) -> UnsafeMutableBufferPointer<Double> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(count, 1) * MemoryLayout<Double>.stride, alignment: 64)
        return UnsafeMutableBufferPointer(start: raw.initializeMemory(as: Double.self, repeating: value, count: count), count: count)
    }
}
