import CCairo
import Foundation

/// Chooses, character by character, the installed font that draws a piece of text.
///
/// Figures use DejaVu Sans, matplotlib's font. Cairo's simple text API draws a whole string in one
/// font, so a character that font lacks (a mathematical italic 𝜕, a Chinese title) would come out as
/// an empty box. Like matplotlib's font fallback, the text is split into runs: characters the
/// primary font has stay in it, each other character goes to the first font in fontconfig's
/// preference order for the primary that has it. Answers are cached; all access is serialised.
final class FontFallback: @unchecked Sendable {
    /// The font every figure asks for.
    static let primaryFamily = "DejaVu Sans"
    /// The one instance: fontconfig's answers do not change while the program runs.
    static let shared = FontFallback(primaryFamily: primaryFamily)

    /// A stretch of text drawn in one font.
    struct Run: Equatable {
        var text: String
        var family: String
    }

    private let lock = NSLock()
    private let primaryFamily: String
    /// The primary font followed by fontconfig's fallbacks, each with the characters it covers.
    private var fonts: [(family: String, characters: OpaquePointer)] = []
    private var familyByCharacter: [Unicode.Scalar: String] = [:]

    private init(primaryFamily: String) {
        self.primaryFamily = primaryFamily
        guard let config = FcInitLoadConfigAndFonts(), let pattern = FcNameParse(primaryFamily) else { return }
        defer { FcPatternDestroy(pattern) }
        FcConfigSubstitute(config, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultMatch
        guard let sorted = FcFontSort(config, pattern, FcTrue, nil, &result) else { return }
        let set = sorted.pointee
        for index in 0..<Int(set.nfont) {
            guard let font = set.fonts[index] else { continue }
            var family: UnsafeMutablePointer<FcChar8>?
            var characters: OpaquePointer?
            guard FcPatternGetString(font, FC_FAMILY, 0, &family) == FcResultMatch,
                  FcPatternGetCharSet(font, FC_CHARSET, 0, &characters) == FcResultMatch,
                  let family, let characters, let copy = FcCharSetCopy(characters) else { continue }
            fonts.append((String(cString: family), copy))
        }
        FcFontSetDestroy(sorted)
    }

    /// `text` split into runs of characters drawn by the same font.
    func runs(_ text: String) -> [Run] {
        // The common case, text the primary font draws entirely, costs one scan.
        if text.unicodeScalars.allSatisfy({ $0.isASCII }) { return [Run(text: text, family: primaryFamily)] }
        lock.lock()
        defer { lock.unlock() }
        var runs: [Run] = []
        for character in text {
            // A character (one or more scalars: a letter and its combining accent) stays whole,
            // drawn by the font that has its first scalar.
            let family = character.unicodeScalars.first.map(familyLocked) ?? primaryFamily
            if runs.last?.family == family {
                runs[runs.count - 1].text.append(character)
            } else {
                runs.append(Run(text: String(character), family: family))
            }
        }
        return runs
    }

    /// The family that draws `scalar`: the primary's if it has it, else the first fallback that
    /// does, else the primary's (which draws its missing-glyph box).
    private func familyLocked(_ scalar: Unicode.Scalar) -> String {
        if scalar.isASCII { return primaryFamily }
        if let known = familyByCharacter[scalar] { return known }
        let family = fonts.first { FcCharSetHasChar($0.characters, FcChar32(scalar.value)) != 0 }?.family ?? primaryFamily
        familyByCharacter[scalar] = family
        return family
    }
}
