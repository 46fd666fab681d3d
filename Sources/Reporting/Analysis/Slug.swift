/// Names made safe for fact keys and file names: "nll, lr=0.005" → "nll-lr-0.005".
enum Slug {
    static func make(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "." || character == "_" {
                slug.append(character)
            } else if !slug.hasSuffix("-") && !slug.isEmpty {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "run" : slug
    }
}
