import Testing
@testable import Plotting

@Suite("Font fallback")
struct FontFallbackTests {
    let primary = FontFallback.primaryFamily

    @Test("Text DejaVu Sans covers stays in one run: Latin, Cyrillic, Greek, the report's math signs")
    func coveredText() {
        let text = "Функция потерь, σ ∂L/∂w α x₁ ŷ ‖W‖ → ≤ −"
        #expect(FontFallback.shared.runs(text) == [FontFallback.Run(text: text, family: primary)])
    }

    @Test("A character DejaVu Sans lacks goes to an installed font that has it, the rest stays")
    func missingCharacter() {
        // U+1D715 MATHEMATICAL ITALIC PARTIAL DIFFERENTIAL: in DejaVu Math TeX Gyre
        // (fonts-dejavu-extra, installed by .ci/install-dependencies), not in DejaVu Sans.
        let runs = FontFallback.shared.runs("d𝜕/dx")
        #expect(runs.map(\.text) == ["d", "𝜕", "/dx"])
        #expect(runs.map(\.family) == [primary, "DejaVu Math TeX Gyre", primary])
    }

    @Test("Measured width includes the fallback glyph's advance")
    func fallbackWidth() throws {
        let canvas = try Canvas(format: .png, widthInches: 2, heightInches: 1, dpi: 100, path: nil)
        let without = canvas.measure("dx", points: 20).width
        let with = canvas.measure("d𝜕x", points: 20).width
        #expect(with > without + 5)
    }
}
