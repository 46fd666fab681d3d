import Foundation

/// An RGBA colour with components in 0...1.
public struct Color: Equatable, Hashable, Sendable {
    /// Red.
    public var red: Double
    /// Green.
    public var green: Double
    /// Blue.
    public var blue: Double
    /// Opacity.
    public var alpha: Double

    /// Creates a colour from components in 0...1.
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        (self.red, self.green, self.blue, self.alpha) = (red, green, blue, alpha)
    }

    /// Creates a colour from a 0xRRGGBB value.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255, alpha: alpha)
    }

    /// The same colour with another opacity.
    public func withAlpha(_ alpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// The relative luminance (WCAG 2's weighting of the linearised sRGB channels), 0 for black, 1 for white.
    public var luminance: Double {
        func linear(_ channel: Double) -> Double {
            channel <= 0.04045 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// Black or white, whichever has the higher contrast ratio against this colour: the colour
    /// of a text drawn on it.
    public var contrastingText: Color {
        // WCAG contrast (L1 + 0.05) / (L2 + 0.05); black wins when (L + 0.05) / 0.05 > 1.05 / (L + 0.05).
        (luminance + 0.05) * (luminance + 0.05) > 0.05 * 1.05 ? .black : .white
    }

    /// Black.
    public static let black = Color(hex: 0x000000)
    /// White.
    public static let white = Color(hex: 0xFFFFFF)
    /// matplotlib's grid and frame grey.
    public static let gray = Color(hex: 0xB0B0B0)

    /// matplotlib's default colour cycle, `tab10`.
    public static let tab10: [Color] = [
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF,
    ].map { Color(hex: $0) }
}
