/// The fields of a `.npy` header, a Python dict literal such as
/// `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }`.
struct NumPyHeader {
    var descriptor = ""
    var fortranOrder = false
    var shape: [Int] = []

    init(parsing text: String, file: String) throws(DataFileError) {
        var scanner = Scanner(characters: Array(text))
        func fail(_ problem: String) -> DataFileError { DataFileError(file: file, problem: "malformed header: \(problem)") }
        guard scanner.take("{") else { throw fail("it does not start with '{'") }
        var seen: Set<String> = []
        while true {
            if scanner.take("}") { break }
            guard let key = scanner.quoted() else { throw fail("expected a quoted key") }
            guard scanner.take(":") else { throw fail("expected ':' after '\(key)'") }
            switch key {
            case "descr":
                guard let value = scanner.quoted() else {
                    if scanner.take("[") {
                        throw DataFileError(file: file, problem: "unsupported element type: records with named fields (a structured array); "
                            + "save the inputs as one 2-D array of numbers")
                    }
                    throw fail("'descr' is not a string")
                }
                descriptor = value
            case "fortran_order":
                if scanner.take("True") { fortranOrder = true } else if scanner.take("False") { fortranOrder = false } else {
                    throw fail("'fortran_order' is not True or False")
                }
            case "shape":
                guard scanner.take("(") else { throw fail("'shape' is not a tuple") }
                while !scanner.take(")") {
                    guard let dimension = scanner.integer() else { throw fail("'shape' holds something other than integers") }
                    shape.append(dimension)
                    _ = scanner.take(",")
                }
            default:
                throw fail("unexpected key '\(key)'")
            }
            seen.insert(key)
            if !scanner.take(",") {
                guard scanner.take("}") else { throw fail("expected ',' or '}' after '\(key)'") }
                break
            }
        }
        guard seen == ["descr", "fortran_order", "shape"] else {
            throw fail("missing \(["descr", "fortran_order", "shape"].filter { !seen.contains($0) }.joined(separator: ", "))")
        }
    }

    /// A cursor over the header text that skips white space between tokens.
    private struct Scanner {
        let characters: [Character]
        var position = 0

        mutating func skipSpaces() {
            while position < characters.count, characters[position].isWhitespace { position += 1 }
        }

        mutating func take(_ token: String) -> Bool {
            skipSpaces()
            let expected = Array(token)
            guard position + expected.count <= characters.count,
                  Array(characters[position..<(position + expected.count)]) == expected else { return false }
            position += expected.count
            return true
        }

        mutating func quoted() -> String? {
            skipSpaces()
            guard position < characters.count, characters[position] == "'" || characters[position] == "\"" else { return nil }
            let quote = characters[position]
            guard let end = characters[(position + 1)...].firstIndex(of: quote) else { return nil }
            let value = String(characters[(position + 1)..<end])
            position = end + 1
            return value
        }

        mutating func integer() -> Int? {
            skipSpaces()
            let start = position
            while position < characters.count, characters[position].isNumber { position += 1 }
            // Python 2 era files may write long integers as `3L`.
            let digits = String(characters[start..<position])
            if position < characters.count, characters[position] == "L" { position += 1 }
            return digits.isEmpty ? nil : Int(digits)
        }
    }
}
