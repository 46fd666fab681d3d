import Configuration
import Foundation
import Wording

/// Reads typed values out of a `JSONValue`, keeping track of where it is, so that every mistake is
/// reported with the file and the JSON path, and unknown keys get a did-you-mean hint.
public struct SpecReader: Sendable {
    /// The value being read.
    public let value: JSONValue
    /// The file it came from.
    public let file: String
    /// Its JSON path.
    public let path: String
    /// Where the file's values were written, for the line and column of errors; empty for a
    /// document that was built rather than read (a variant's overridden copy).
    public let locations: JSONLocations

    /// A reader of a whole document, or of the value at `path` in it.
    public init(_ value: JSONValue, file: String, path: String = "", locations: JSONLocations = JSONLocations()) {
        self.value = value
        self.file = file
        self.path = path
        self.locations = locations
    }

    /// A reader of the JSON text `data`, the contents of `file`; a syntax error names its line and column.
    public init(parsing data: Data, file: String) throws(SpecError) {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw SpecError(file: file, path: "", message: "is not UTF-8 text: save it as UTF-8", location: SpecReader.firstInvalidUTF8(in: data))
        }
        do {
            let (value, locations) = try JSONParser.parse(Array(text.utf8))
            self.init(value, file: file, locations: locations)
        } catch {
            throw SpecError(file: file, path: "", message: "is not valid JSON: \(error.message)", location: error.location)
        }
    }

    /// The line and column of the first byte of `data` that is not part of valid UTF-8.
    static func firstInvalidUTF8(in data: Data) -> TextLocation? {
        let bytes = [UInt8](data)
        var (line, column, index) = (1, 1, 0)
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.count,
                  String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil else {
                return TextLocation(line: line, column: column)
            }
            if byte == UInt8(ascii: "\n") { (line, column) = (line + 1, 1) } else { column += 1 }
            index += length
        }
        return nil
    }

    /// An error at this reader's path.
    public func error(_ message: String) -> SpecError {
        SpecError(file: file, path: path, message: message, location: locations.location(of: path))
    }

    /// An "expected X, got Y" error at this reader's path.
    public func expected(_ what: String) -> SpecError { error("expected \(what), got \(value.summary)") }

    // MARK: Objects

    /// The object's keys, after checking that every one is among `allowed` (else a did-you-mean error).
    public func keys(allowed: [String]) throws(SpecError) -> [String: SpecReader] {
        guard case .object(let members) = value else { throw expected("an object") }
        for key in members.keys where !allowed.contains(key) {
            let hint = DidYouMean.suggestion(for: key, among: allowed).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw member(key, members[key]!).error("unknown key \"\(key)\"\(hint); allowed here: \(allowed.sorted().joined(separator: ", "))")
        }
        return members.members.reduce(into: [:]) { $0[$1.key] = member($1.key, $1.value) }
    }

    /// The member `key` of an object, or nil when it is absent.
    public func optional(_ key: String) throws(SpecError) -> SpecReader? {
        guard case .object(let members) = value else { throw expected("an object") }
        return members[key].map { member(key, $0) }
    }

    /// The member `key` of an object, which must be present.
    public func required(_ key: String) throws(SpecError) -> SpecReader {
        guard let member = try optional(key) else {
            throw error("missing required key \"\(key)\"")
        }
        return member
    }

    /// The member `key` if present, else a reader of null at its path: for naming a setting in an
    /// error found after parsing (a data file that is missing, a layer that does not fit).
    public func locating(_ key: String) -> SpecReader {
        if case .object(let members) = value, let value = members[key] { return member(key, value) }
        return member(key, .null)
    }

    /// The element at `index` if present, else a reader of null at its path.
    public func locating(_ index: Int) -> SpecReader {
        if case .array(let values) = value, values.indices.contains(index) { return element(index, values[index]) }
        return element(index, .null)
    }

    // MARK: Scalars and arrays

    /// A string.
    public func string() throws(SpecError) -> String {
        guard case .string(let text) = value else { throw expected("a string") }
        return text
    }

    /// One of `choices`, with a did-you-mean hint otherwise.
    public func choice(_ choices: [String]) throws(SpecError) -> String {
        let text = try string()
        guard choices.contains(text) else {
            let hint = DidYouMean.suggestion(for: text, among: choices).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw error("expected one of \(choices.joined(separator: ", ")), got \"\(text)\"\(hint)")
        }
        return text
    }

    /// A finite number, optionally within `range`.
    public func number(in range: ClosedRange<Double>? = nil) throws(SpecError) -> Double {
        guard case .number(let number) = value, number.isFinite else { throw expected("a number") }
        if let range, !range.contains(number) {
            throw expected("a number from \(range.lowerBound.cleanText) to \(range.upperBound.cleanText)")
        }
        return number
    }

    /// A strictly positive number.
    public func positiveNumber() throws(SpecError) -> Double {
        let number = try number()
        guard number > 0 else { throw expected("a positive number") }
        return number
    }

    /// An integer, at least `minimum`.
    public func integer(minimum: Int = Int.min) throws(SpecError) -> Int {
        guard case .number(let number) = value, number == number.rounded(), abs(number) <= Double(SettingKind.largestInteger) else {
            throw expected(minimum == 1 ? "a positive integer" : "an integer")
        }
        guard Int(number) >= minimum else {
            throw expected(minimum == 1 ? "a positive integer" : minimum == 0 ? "a non-negative integer" : "an integer of at least \(minimum)")
        }
        return Int(number)
    }

    /// A boolean.
    public func bool() throws(SpecError) -> Bool {
        guard case .bool(let flag) = value else { throw expected("true or false") }
        return flag
    }

    /// The elements of an array, each with its own reader.
    public func array(minimumCount: Int = 0) throws(SpecError) -> [SpecReader] {
        guard case .array(let values) = value else { throw expected("an array") }
        guard values.count >= minimumCount else { throw expected("an array of at least \(minimumCount)") }
        return values.enumerated().map { element($0, $1) }
    }

    /// A reader of `value`, the member `key` of this object.
    private func member(_ key: String, _ value: JSONValue) -> SpecReader {
        SpecReader(value, file: file, path: JSONPath.member(key, of: path), locations: locations)
    }

    /// A reader of `value`, the element `index` of this array.
    private func element(_ index: Int, _ value: JSONValue) -> SpecReader {
        SpecReader(value, file: file, path: JSONPath.element(index, of: path), locations: locations)
    }
}
