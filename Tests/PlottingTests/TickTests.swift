import Testing
import TestSupport
@testable import Plotting

struct TickFixture: Decodable {
    struct Linear: Decodable {
        let lower: Double
        let upper: Double
        let intervals: Int
        let ticks: [Double]
    }
    struct Log: Decodable {
        let lower: Double
        let upper: Double
        let maximum: Int
        let ticks: [Double]
    }
    let linear: [Linear]
    let log: [Log]
}

/// Expects the same number of ticks as matplotlib, each equal to 1e-12.
func expectSameTicks(_ ours: [Double], _ theirs: [Double], _ context: String) {
    #expect(ours.count == theirs.count, "\(context): \(ours) vs \(theirs)")
    for (a, b) in zip(ours, theirs) { #expect(isClose(a, b, relative: 1e-12), "\(context): \(ours) vs \(theirs)") }
}

@Suite("Ticks as matplotlib places them")
struct TickTests {
    @Test("Linear ticks match MaxNLocator(steps=[1, 2, 2.5, 5, 10]) on 88 ranges and bin counts")
    func linear() throws {
        let cases: TickFixture = try fixture("ticks.json")
        #expect(cases.linear.count == 88)
        for reference in cases.linear {
            let ticks = LinearTicks(maximumIntervals: reference.intervals).ticks(from: reference.lower, to: reference.upper)
            expectSameTicks(ticks, reference.ticks, "\(reference.lower)...\(reference.upper) / \(reference.intervals)")
        }
    }

    @Test("An axis from 0 to 20 gets a tick every 2.5")
    func zeroToTwenty() {
        #expect(LinearTicks().visible(from: 0, to: 20) == [0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20])
    }

    @Test("Log ticks match LogLocator's decades, striding when too many")
    func log() throws {
        let cases: TickFixture = try fixture("ticks.json")
        for reference in cases.log {
            let ticks = LogTicks(maximumTicks: reference.maximum).ticks(from: reference.lower, to: reference.upper)
            expectSameTicks(ticks, reference.ticks, "\(reference.lower)...\(reference.upper) / \(reference.maximum)")
        }
    }

    @Test("Labels carry no floating-point noise and use the true minus sign")
    func labels() {
        let ticks = LinearTicks().visible(from: 0, to: 0.3)
        #expect(TickLabels.linear(ticks).contains("0.30") || TickLabels.linear(ticks).contains("0.3"))
        #expect(!TickLabels.linear(ticks).contains { $0.count > 6 })
        #expect(TickLabels.linear([0, 2.5, 5]) == ["0.0", "2.5", "5.0"])
        #expect(TickLabels.linear([-1, 0, 1]) == ["\u{2212}1", "0", "1"])
        #expect(TickLabels.linear([0.1, 0.2, 0.30000000000000004]) == ["0.1", "0.2", "0.3"])
        #expect(TickLabels.linear([0, 1e6, 2e6]) == ["0", "10⁶", "2×10⁶"])
        #expect(TickLabels.decades([0.01, 1, 1000]) == ["10⁻²", "10⁰", "10³"])
    }

    @Test("Python's floor division semantics")
    func floorDivisionSemantics() {
        #expect(floorDivision(7, 2) == (3, 1))
        #expect(floorDivision(-7, 2) == (-4, 1))
        #expect(floorDivision(7, -2) == (-4, -1))
        #expect(floorDivision(0.3, 0.1).quotient == 2)  // as Python: 0.3 // 0.1 == 2.0
    }
}

/// Whole-number ticks for counts.
@Suite("Integer ticks")
struct IntegerTickTests {
    @Test("Epochs 0 to 20 get a tick every 5, not every 2.5; tiny ranges keep their fractional steps")
    func epochs() {
        #expect(LinearTicks(maximumIntervals: 9).visible(from: -1, to: 21) == [0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20])
        #expect(LinearTicks(maximumIntervals: 9, integer: true).visible(from: -1, to: 21) == [0, 5, 10, 15, 20])
        let hundreds = LinearTicks(maximumIntervals: 9, integer: true).visible(from: 0, to: 500)
        #expect(hundreds.allSatisfy { $0 == $0.rounded() } && hundreds.count >= 5)
        #expect(LinearTicks(maximumIntervals: 9, integer: true).visible(from: 0, to: 0.5).count >= 2)
    }
}
