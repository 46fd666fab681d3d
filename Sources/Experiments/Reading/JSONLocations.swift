/// A position in a text file, both counted from 1, the column in characters: what editors jump to.
public struct TextLocation: Equatable, Sendable, CustomStringConvertible {
    /// The line, from 1.
    public let line: Int
    /// The column, from 1, counted in Unicode characters.
    public let column: Int

    /// Creates a location.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `12:5`.
    public var description: String { "\(line):\(column)" }
}

/// Where each value of a parsed document was written, by JSON path (`""` for the whole document,
/// `model[2].linear`): for an object member the position of its key, for an array element the
/// position of the element.
public struct JSONLocations: Equatable, Sendable {
    /// Object members, by path.
    private var members: [String: TextLocation] = [:]
    /// Array elements, by the array's path: one dictionary entry per array rather than per element
    /// keeps reading a list of millions of values linear and light.
    private var elements: [String: [TextLocation]] = [:]

    /// No locations: for documents built in memory.
    public init() {}

    mutating func record(_ location: TextLocation, for path: String) { members[path] = location }

    mutating func recordElements(_ locations: [TextLocation], ofArrayAt path: String) {
        if !locations.isEmpty { elements[path] = locations }
    }

    /// The location of the value at `path`, or else of its nearest enclosing value that was written:
    /// a missing key is reported where its object is.
    public func location(of path: String) -> TextLocation? {
        if let location = exactLocation(of: path) { return location }
        for prefix in JSONPath.enclosingPaths(of: path) {
            if let location = exactLocation(of: prefix) { return location }
        }
        return nil
    }

    private func exactLocation(of path: String) -> TextLocation? {
        if let location = members[path] { return location }
        guard path.hasSuffix("]"), let open = path.lastIndex(of: "["),
              let index = Int(path[path.index(after: open)..<path.index(before: path.endIndex)]),
              let locations = elements[String(path[..<open])], locations.indices.contains(index) else { return nil }
        return locations[index]
    }
}

/// JSON paths as messages show them: `training.epochs`, `model[2].linear`, `variants["long run"]`.
enum JSONPath {
    /// The path of member `key` of the value at `path`; keys that are not plain words are quoted.
    static func member(_ key: String, of path: String) -> String {
        let isPlain = !key.isEmpty && key.utf8.allSatisfy(isPlainASCII) || key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        let component = isPlain ? key : "[\"\(key)\"]"
        if path.isEmpty { return component }
        return isPlain ? "\(path).\(component)" : path + component
    }

    /// An ASCII letter, digit or underscore: the common case, tested without Unicode tables.
    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }

    /// The path of element `index` of the array at `path`.
    static func element(_ index: Int, of path: String) -> String { "\(path)[\(index)]" }

    /// The paths enclosing `path`, innermost first, ending with `""` (the document).
    static func enclosingPaths(of path: String) -> [String] {
        // A component starts at a "." or a "[" outside a quoted key.
        var starts: [String.Index] = []
        var inQuotes = false
        var index = path.startIndex
        while index < path.endIndex {
            let character = path[index]
            if character == "\"" {
                inQuotes.toggle()
            } else if !inQuotes && (character == "." || character == "[") {
                starts.append(index)
            }
            index = path.index(after: index)
        }
        return starts.reversed().map { String(path[..<$0]) } + (path.isEmpty ? [] : [""])
    }
}
