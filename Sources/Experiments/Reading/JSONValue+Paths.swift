/// Setting a value deep inside a document by a dotted path, as variants and sweeps override files.
extension JSONValue {
    /// One step of an override path: an object key or an array index.
    enum PathComponent: Equatable {
        case key(String)
        case index(Int)
    }

    /// Splits `training.epochs` or `model[2].linear` into components; nil when malformed.
    static func components(of path: String) -> [PathComponent]? {
        var components: [PathComponent] = []
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            let bracket = rest.firstIndex(of: "[") ?? rest.endIndex
            let key = rest[..<bracket]
            guard !key.isEmpty else { return nil }
            components.append(.key(String(key)))
            rest = rest[bracket...]
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]"),
                      let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0 else { return nil }
                components.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
        }
        return components.isEmpty ? nil : components
    }

    /// This document with the value at `components` replaced by (or, for a missing object key, set
    /// to) `newValue`; returns a description of the problem when the path leads nowhere.
    func setting(_ components: ArraySlice<PathComponent>, to newValue: JSONValue) -> Result<JSONValue, PathProblem> {
        guard let first = components.first else { return .success(newValue) }
        let rest = components.dropFirst()
        switch (first, self) {
        case (.key(let key), .object(var members)):
            let child = members[key] ?? (rest.isEmpty ? .null : .object([:]))
            switch child.setting(rest, to: newValue) {
            case .success(let value): members[key] = value
            case .failure(let problem): return .failure(problem)
            }
            return .success(.object(members))
        case (.index(let index), .array(var values)):
            guard index < values.count else { return .failure(PathProblem("index \(index) is past the end of an array of \(values.count)")) }
            switch values[index].setting(rest, to: newValue) {
            case .success(let value): values[index] = value
            case .failure(let problem): return .failure(problem)
            }
            return .success(.array(values))
        case (.key(let key), _):
            return .failure(PathProblem("\"\(key)\" is looked up in \(summary), which is not an object"))
        case (.index(let index), _):
            return .failure(PathProblem("[\(index)] is looked up in \(summary), which is not an array"))
        }
    }

    /// Why an override path could not be followed.
    struct PathProblem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
