import CVectorMath

/// Element-wise kernels over contiguous buffers.
///
/// `Foundation.exp` is an opaque libm call per element, and a sigmoid network's step takes thousands
/// (`swift run -c release bench core` times both, "exp, libm one call per element" against
/// "exp, VectorMath"). The kernels here live in
/// the `CVectorMath` C target, where each array loop is compiled for AVX2 and for baseline x86-64
/// and the loader picks the copy the CPU supports; both copies give the same bits. The algorithm
/// and its error bound are documented in `CVectorMath.h`.
public enum VectorMath {
    /// `e^x` within 1.3 units in the last place, for every finite or infinite `x` (`vm_exp`).
    @inlinable @inline(__always)
    public static func exp(_ x: Double) -> Double { vm_exp(x) }

    /// The logistic function `1 / (1 + e^-x)`, stable for large `|x|`.
    @inlinable @inline(__always)
    public static func sigmoid(_ x: Double) -> Double { vm_sigmoid(x) }

    /// Writes `e^x` of every element of `source` into `destination` (which may be the same buffer).
    public static func exp(_ source: UnsafeBufferPointer<Double>, into destination: UnsafeMutableBufferPointer<Double>) {
        apply(vm_exp_array, named: "exp", to: source, into: destination)
    }

    /// The natural logarithm, within one unit in the last place; libm's for zero, negative,
    /// subnormal, infinite and NaN arguments.
    @inlinable @inline(__always)
    public static func log(_ x: Double) -> Double { vm_log(x) }

    /// Writes `ln x` of every element of `source` into `destination` (which may be the same buffer).
    public static func log(_ source: UnsafeBufferPointer<Double>, into destination: UnsafeMutableBufferPointer<Double>) {
        apply(vm_log_array, named: "log", to: source, into: destination)
    }

    /// Writes the logistic function of every element of `source` into `destination`.
    public static func sigmoid(_ source: UnsafeBufferPointer<Double>, into destination: UnsafeMutableBufferPointer<Double>) {
        apply(vm_sigmoid_array, named: "sigmoid", to: source, into: destination)
    }

    /// Writes ∂L/∂x = ∂L/∂y · y(1 − y) for a sigmoid whose outputs are `output` into `result`.
    public static func sigmoidBackward(
        output: UnsafeBufferPointer<Double>, outputGradient: UnsafeBufferPointer<Double>,
        into result: UnsafeMutableBufferPointer<Double>
    ) {
        precondition(output.count == outputGradient.count && output.count == result.count,
                     "sigmoid backward: \(output.count) outputs, \(outputGradient.count) gradients, \(result.count) results")
        guard let y = output.baseAddress, let g = outputGradient.baseAddress, let target = result.baseAddress else { return }
        vm_sigmoid_backward_array(y, g, target, output.count)
    }

    /// Runs an element-wise array kernel of `CVectorMath` from `source` into `destination`, which
    /// must have as many elements.
    private static func apply(
        _ kernel: (UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int) -> Void, named name: String,
        to source: UnsafeBufferPointer<Double>, into destination: UnsafeMutableBufferPointer<Double>
    ) {
        precondition(source.count == destination.count, "\(name): \(source.count) inputs, \(destination.count) outputs")
        guard let input = source.baseAddress, let output = destination.baseAddress else { return }
        kernel(input, output, source.count)
    }
}
