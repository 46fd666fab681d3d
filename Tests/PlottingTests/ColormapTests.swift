import Testing
import TestSupport
@testable import Plotting

struct ColormapFixture: Decodable {
    let samples: [Double]
    let colormaps: [String: [[Double]]]
}

@Suite("Colormaps")
struct ColormapTests {
    @Test("RdBu, viridis, Spectral and their reversed variants stay within 0.03 of matplotlib's tables")
    func againstMatplotlib() throws {
        let reference: ColormapFixture = try fixture("colormaps.json")
        #expect(reference.colormaps.count == 6)
        for (name, colors) in reference.colormaps {
            let colormap = try #require(Colormap.all[name], "missing \(name)")
            for (value, rgba) in zip(reference.samples, colors) {
                let expected = Color(red: rgba[0], green: rgba[1], blue: rgba[2], alpha: rgba[3])
                let distance = colormap.color(at: value).distance(to: expected)
                #expect(distance < 0.03, "\(name) at \(value): off by \(distance)")
            }
        }
    }

    @Test("Values outside 0...1 clamp, NaN is transparent")
    func edges() {
        #expect(Colormap.viridis.color(at: -1) == Colormap.viridis.color(at: 0))
        #expect(Colormap.viridis.color(at: 2) == Colormap.viridis.color(at: 1))
        #expect(Colormap.viridis.color(at: .nan).alpha == 0)
    }
}
