/// A JSON parser (RFC 8259) written for people editing files by hand: objects keep the order of
/// their members, every value's position is remembered so that later errors can point at it, and a
/// syntax error says where it is and what was expected there.
///
/// Beyond the RFC it refuses two things it allows: a key repeated within one object (the RFC leaves
/// the meaning open; here it is almost always a mistake), and nesting deeper than `maximumDepth`.
struct JSONParser {
    /// What is wrong with the text, and where.
    struct SyntaxError: Error, Equatable {
        let location: TextLocation
        let message: String
    }

    /// Deep enough for any experiment file, shallow enough that recursion cannot exhaust the stack.
    static let maximumDepth = 200

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    private var locations = JSONLocations()
    /// Characters counted so far on the current line, up to byte `countedUpTo`: positions are
    /// recorded for every value, and recounting the line each time made a long one-line array
    /// quadratic to read.
    private var countedUpTo = 0
    private var countedCharacters = 0

    /// Parses a whole document: one value, surrounded by nothing but whitespace.
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> (value: JSONValue, locations: JSONLocations) {
        var parser = JSONParser(bytes: bytes)
        // A byte-order mark is not JSON, but some editors on some systems write one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3; parser.lineStart = 3 }
        parser.skipWhitespace()
        guard parser.index < bytes.count else { throw parser.failure("the file is empty; expected a JSON object") }
        let value = try parser.parseValue(path: "")
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw parser.failure("unexpected \(parser.describeNext()) after the end of the document")
        }
        return (value, parser.locations)
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    // MARK: Values

    private mutating func parseValue(path: String) throws(SyntaxError) -> JSONValue {
        guard let byte = peek() else { throw failure("expected a value, found the end of the file") }
        switch byte {
        case UInt8(ascii: "{"): return try nested { parser throws(SyntaxError) in try parser.parseObject(path: path) }
        case UInt8(ascii: "["): return try nested { parser throws(SyntaxError) in try parser.parseArray(path: path) }
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        default:
            throw failure("expected a value (a string, number, object, array, true, false or null), found \(describeNext())\(hint(for: byte))")
        }
    }

    private mutating func nested(_ body: (inout JSONParser) throws(SyntaxError) -> JSONValue) throws(SyntaxError) -> JSONValue {
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure("values are nested more than \(Self.maximumDepth) deep") }
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func parseObject(path: String) throws(SyntaxError) -> JSONValue {
        index += 1  // {
        var object: JSONObject = [:]
        var keyLocations: [String: TextLocation] = [:]
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { index += 1; return .object(object) }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                let closing = peek() == UInt8(ascii: "}") ? " (JSON allows no comma before a closing brace)" : peek().map(hint) ?? ""
                throw failure("expected a key in double quotes, found \(describeNext())\(closing)")
            }
            let keyLocation = trackedLocation()
            let key = try parseString()
            if let first = keyLocations[key] {
                throw SyntaxError(location: keyLocation, message: "the key \"\(key)\" appears twice in one object (first at line \(first.line))")
            }
            keyLocations[key] = keyLocation
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw failure("expected ':' after the key \"\(key)\", found \(describeNext())") }
            index += 1
            skipWhitespace()
            let memberPath = JSONPath.member(key, of: path)
            locations.record(keyLocation, for: memberPath)
            object[key] = try parseValue(path: memberPath)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(object)
            default: throw failure("expected ',' or '}' after the value of \"\(key)\", found \(describeNext())\(peek().map(hint) ?? "")")
            }
        }
    }

    private mutating func parseArray(path: String) throws(SyntaxError) -> JSONValue {
        index += 1  // [
        var values: [JSONValue] = []
        var elementLocations: [TextLocation] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { index += 1; return .array(values) }
        while true {
            skipWhitespace()
            if peek() == UInt8(ascii: "]") { throw failure("expected a value, found ']' (JSON allows no comma before a closing bracket)") }
            elementLocations.append(trackedLocation())
            // Only a container records paths inside it; a scalar's path is never built.
            let isContainer = peek() == UInt8(ascii: "{") || peek() == UInt8(ascii: "[")
            values.append(try parseValue(path: isContainer ? JSONPath.element(values.count, of: path) : ""))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                locations.recordElements(elementLocations, ofArrayAt: path)
                return .array(values)
            default: throw failure("expected ',' or ']' after element \(values.count - 1) of the array, found \(describeNext())\(peek().map(hint) ?? "")")
            }
        }
    }

    // MARK: Scalars

    private mutating func parseString() throws(SyntaxError) -> String {
        let start = trackedLocation()
        index += 1  // "
        var utf8: [UInt8] = []
        while true {
            guard let byte = peek() else { throw SyntaxError(location: start, message: "this string is never closed") }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                try parseEscape(into: &utf8)
            case 0..<0x20:
                throw failure(byte == UInt8(ascii: "\n")
                    ? "this string is never closed before the end of the line (write a line break as \\n)"
                    : "a control character in a string must be written as an escape such as \\t")
            default:
                utf8.append(byte)
                index += 1
            }
        }
    }

    private mutating func parseEscape(into utf8: inout [UInt8]) throws(SyntaxError) {
        guard let byte = peek() else { throw failure("a string ends inside an escape") }
        index += 1
        if let replacement = Self.simpleEscapes[byte] { utf8.append(replacement); return }
        guard byte == UInt8(ascii: "u") else {
            index -= 2
            throw failure("\\\(Unicode.Scalar(byte)) is not an escape; JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")
        }
        var scalar = try parseHexQuad()
        if (0xD800..<0xDC00).contains(scalar) {
            // A high surrogate must be followed by an escaped low one; together they make one character.
            guard peek() == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") else { throw failure("a \\u\(hex(scalar)) surrogate must be followed by its pair") }
            index += 2
            let low = try parseHexQuad()
            guard (0xDC00..<0xE000).contains(low) else { throw failure("\\u\(hex(scalar)) is not followed by a low surrogate") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(scalar) {
            throw failure("\\u\(hex(scalar)) is half of a surrogate pair, alone")
        }
        utf8.append(contentsOf: String(Unicode.Scalar(scalar)!).utf8)
    }

    /// The byte each one-letter escape stands for.
    private static let simpleEscapes: [UInt8: UInt8] = [
        UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"), UInt8(ascii: "/"): UInt8(ascii: "/"),
        UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]

    private mutating func parseHexQuad() throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = hexDigitValue(byte) else { throw failure("\\u must be followed by four hexadecimal digits") }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(SyntaxError) -> Double {
        let start = index
        let location = trackedLocation()
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else { throw failure("expected a digit after '-'") }
        index += 1
        if first == UInt8(ascii: "0"), let next = peek(), isDigit(next) {
            throw SyntaxError(location: location, message: "a number cannot start with 0 followed by digits")
        }
        skipDigits()
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let next = peek(), isDigit(next) else { throw failure("expected a digit after the decimal point") }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard let next = peek(), isDigit(next) else { throw failure("expected a digit in the exponent") }
            skipDigits()
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw SyntaxError(location: location, message: "\(text) is too large for a double")
        }
        return value
    }

    private mutating func expectWord(_ word: String) throws(SyntaxError) {
        let location = trackedLocation()
        for expected in word.utf8 {
            guard peek() == expected else {
                throw SyntaxError(location: location, message: "expected \(word), found \(describeWord(at: location))")
            }
            index += 1
        }
    }

    // MARK: Reading bytes

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
            case UInt8(ascii: "\n"): index += 1; line += 1; lineStart = index
            default: return
            }
        }
    }

    private mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func hexDigitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    // MARK: Messages

    /// The position of the next byte; the column counts characters, not bytes (a UTF-8
    /// continuation byte does not start one).
    private var currentLocation: TextLocation {
        let characters = bytes[lineStart..<min(index, bytes.count)].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return TextLocation(line: line, column: characters + 1)
    }

    /// `currentLocation`, counting only the bytes read since the last call on this line.
    private mutating func trackedLocation() -> TextLocation {
        if countedUpTo < lineStart || countedUpTo > index { (countedUpTo, countedCharacters) = (lineStart, 0) }
        let end = min(index, bytes.count)
        var characters = countedCharacters
        var position = countedUpTo
        while position < end {
            if bytes[position] & 0xC0 != 0x80 { characters += 1 }
            position += 1
        }
        (countedUpTo, countedCharacters) = (end, characters)
        return TextLocation(line: line, column: characters + 1)
    }

    private func failure(_ message: String) -> SyntaxError { SyntaxError(location: currentLocation, message: message) }

    /// The next character, quoted, for "found …" in messages.
    private func describeNext() -> String {
        guard let byte = peek() else { return "the end of the file" }
        if byte < 0x80 {
            return byte < 0x20 ? "a control character" : "'\(Character(Unicode.Scalar(byte)))'"
        }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'\(String(decoding: bytes[index..<end], as: UTF8.self))'"
    }

    /// The letters at `location`, for a misspelt `true`, `false` or `null`.
    private func describeWord(at location: TextLocation) -> String {
        var end = index
        while end < bytes.count, (bytes[end] >= UInt8(ascii: "a") && bytes[end] <= UInt8(ascii: "z")) { end += 1 }
        var start = index
        while start > 0, (bytes[start - 1] >= UInt8(ascii: "a") && bytes[start - 1] <= UInt8(ascii: "z")) { start -= 1 }
        return start == end ? describeNext() : "'\(String(decoding: bytes[start..<end], as: UTF8.self))'"
    }

    /// Why a common non-JSON spelling is not accepted.
    private func hint(for byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "'"): return " (JSON strings use double quotes)"
        case UInt8(ascii: "/"), UInt8(ascii: "#"): return " (JSON has no comments; an experiment's \"notes\" and \"description\" hold text)"
        case UInt8(ascii: "+"), UInt8(ascii: "."): return " (JSON numbers start with a digit or '-')"
        case UInt8(ascii: "N"), UInt8(ascii: "I"): return " (JSON has no NaN or Infinity)"
        case UInt8(ascii: "T"), UInt8(ascii: "F"): return " (JSON's true and false are lowercase)"
        default: return ""
        }
    }
}
