import CCairo
import Foundation

/// The Cairo font face of each family, made once per process from fontconfig's own match.
///
/// Cairo's simple font API (`cairo_select_font_face`) resolves a family the first time any surface
/// uses it, with that surface's font options folded in, and keeps the result for the process. A PDF
/// drawn first (hinting off) left every later PNG unhinted, so a PNG's pixels depended on what had
/// been drawn before it. Here each face is fontconfig's match with fontconfig's own settings (slight
/// hinting on Debian), whatever draws first; each surface's options still apply on top, so a PDF
/// still turns hinting off for itself.
final class FontFaces: @unchecked Sendable {
    /// The one instance: fontconfig's answers do not change while the program runs.
    static let shared = FontFaces()

    private let lock = NSLock()
    private var faces: [String: OpaquePointer] = [:]

    private init() {}

    /// The face that draws `family`, or nil when fontconfig cannot match it.
    func face(for family: String) -> OpaquePointer? {
        lock.withLock {
            if let face = faces[family] { return face }
            guard let pattern = FcNameParse(family) else { return nil }
            defer { FcPatternDestroy(pattern) }
            FcConfigSubstitute(nil, pattern, FcMatchPattern)
            FcDefaultSubstitute(pattern)
            var result = FcResultMatch
            guard let match = FcFontMatch(nil, pattern, &result) else { return nil }
            defer { FcPatternDestroy(match) }
            // Cairo keeps its own reference to the pattern.
            guard let face = cairo_ft_font_face_create_for_pattern(match),
                  cairo_font_face_status(face) == CAIRO_STATUS_SUCCESS else { return nil }
            faces[family] = face
            return face
        }
    }
}
