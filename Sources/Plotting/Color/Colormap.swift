/// A map from values in 0...1 to colours, by linear interpolation between evenly spaced anchors.
///
/// The anchors are the published palettes: ColorBrewer's 11-class RdBu and Spectral, and viridis
/// sampled at sixteenths of its range (it bends too sharply near yellow for fewer). Interpolating them stays within 0.03 per channel of matplotlib's
/// 256-entry tables (checked against a matplotlib fixture in the tests).
public struct Colormap: Sendable, Equatable {
    /// The name, as matplotlib spells it (`RdBu`, `viridis_r`).
    public let name: String
    /// Colours at 0, 1/(n−1), ..., 1.
    public let anchors: [Color]

    /// Creates a colormap from evenly spaced anchors.
    public init(name: String, anchors: [Color]) {
        precondition(anchors.count >= 2, "A colormap needs at least two colours")
        self.name = name
        self.anchors = anchors
    }

    /// The colour at `value`, clamped to 0...1; NaN gives transparent.
    public func color(at value: Double) -> Color {
        guard !value.isNaN else { return Color(red: 0, green: 0, blue: 0, alpha: 0) }
        let position = Swift.min(Swift.max(value, 0), 1) * Double(anchors.count - 1)
        let index = Swift.min(Int(position), anchors.count - 2)
        let fraction = position - Double(index)
        let (a, b) = (anchors[index], anchors[index + 1])
        return Color(red: a.red + (b.red - a.red) * fraction, green: a.green + (b.green - a.green) * fraction,
                     blue: a.blue + (b.blue - a.blue) * fraction, alpha: a.alpha + (b.alpha - a.alpha) * fraction)
    }

    /// The same colours in the opposite order (matplotlib's `_r` variants).
    public var reversed: Colormap {
        Colormap(name: name.hasSuffix("_r") ? String(name.dropLast(2)) : name + "_r", anchors: anchors.reversed())
    }

    /// Red to white to blue, for signed quantities and two-class probabilities.
    public static let rdBu = Colormap(name: "RdBu", anchors: [
        0x67001F, 0xB2182B, 0xD6604D, 0xF4A582, 0xFDDBC7, 0xF7F7F7, 0xD1E5F0, 0x92C5DE, 0x4393C3, 0x2166AC, 0x053061,
    ].map { Color(hex: $0) })

    /// Dark violet through green to yellow, perceptually uniform: matplotlib's default.
    public static let viridis = Colormap(name: "viridis", anchors: [
        0x440154, 0x48186A, 0x472D7B, 0x424086, 0x3B528B, 0x33638D, 0x2C728E, 0x26828E, 0x21918C,
        0x1FA088, 0x28AE80, 0x3FBC73, 0x5EC962, 0x84D44B, 0xADDC30, 0xD8E219, 0xFDE725,
    ].map { Color(hex: $0) })

    /// Red through yellow to blue, for several classes.
    public static let spectral = Colormap(name: "Spectral", anchors: [
        0x9E0142, 0xD53E4F, 0xF46D43, 0xFDAE61, 0xFEE08B, 0xFFFFBF, 0xE6F598, 0xABDDA4, 0x66C2A5, 0x3288BD, 0x5E4FA2,
    ].map { Color(hex: $0) })

    /// Black to white, for grey-level images (matplotlib's `gray`; `gray_r` draws ink dark on white).
    public static let gray = Colormap(name: "gray", anchors: [.black, .white])

    /// White to dark blue, for counts (ColorBrewer's 9-class Blues, matplotlib's `Blues`).
    public static let blues = Colormap(name: "Blues", anchors: [
        0xF7FBFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C, 0x08306B,
    ].map { Color(hex: $0) })

    /// Every colormap by name, reversed variants included.
    public static let all: [String: Colormap] = {
        let base = [rdBu, viridis, spectral, gray, blues]
        return Dictionary(uniqueKeysWithValues: (base + base.map(\.reversed)).map { ($0.name, $0) })
    }()
}
