import Dispatch
import Foundation

/// Runs numbered pieces of work on a pool of threads: each index exactly once, lowest first as
/// workers come free, so work listed longest first ends together.
public enum ParallelWork {
    /// Calls `body` with every index in 0..<count on up to `workers` threads; returns when all are done.
    public static func forEach(_ count: Int, workers: Int, _ body: @Sendable (Int) -> Void) {
        let next = IndexCounter()
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
            while let index = next.take(below: count) { body(index) }
        }
    }

    /// `transform` of every index in 0..<count, computed on up to `workers` threads, in index order.
    public static func map<Value>(_ count: Int, workers: Int, _ transform: @Sendable (Int) -> Value) -> [Value] {
        let slots = Slots<Value>(count: count)
        forEach(count, workers: workers) { slots.set($0, transform($0)) }
        return slots.values
    }
}

/// Hands out indices to the workers, each exactly once.
private final class IndexCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below count: Int) -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}

/// Where workers leave their values, by index.
private final class Slots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { lock.withLock { storage[index] = value } }

    var values: [Value] { lock.withLock { storage.map { $0! } } }
}
