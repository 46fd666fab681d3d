extension FigureRequest {
    /// `"history"` or `{"type": "decision-surface", "split": "test", "x": [0, 1.2], "y": [0, 1]}`,
    /// element `index` of `figures`; its type and options are checked by the report's figure catalog.
    init(_ reader: SpecReader, index: Int) throws(SpecError) {
        if case .string(let type) = reader.value {
            self.init(type: type, index: index)
            return
        }
        guard case .object(var members) = reader.value else {
            throw reader.expected(#"a figure's name, or {"type": name, ...options}"#)
        }
        let type = try reader.required(FigureRequest.typeKey).string()
        members[FigureRequest.typeKey] = nil
        self.init(type: type, options: members, index: index)
    }
}

extension Question {
    /// `{"question": "...", "answer": "... {{fact}} ..."}`.
    init(_ reader: SpecReader) throws(SpecError) {
        typealias Key = Experiment.QuestionKey
        _ = try reader.keys(allowed: Key.allCases.map(\.rawValue))
        question = try reader.required(Key.question.rawValue).string()
        answer = try reader.required(Key.answer.rawValue).string()
        for name in Question.placeholders(in: answer) where name.isEmpty || name.contains(where: \.isWhitespace) {
            throw try reader.required(Key.answer.rawValue).error("\"{{\(name)}}\" is not a fact name (names have no spaces)")
        }
    }

    /// The names inside `{{…}}` in `text`, in order.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            names.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return names
    }
}
